// Resampling along one axis with tap tables: y[o] = sum_k coeffs[o, k] * x[idx[o, k]]; the
// input viewed as [outer, axis, inner], the output as [outer, out, inner].
RONN_KERNEL {{ name }}(char* arena, const char* weights, long long param) {
    RONN_GUARD({{ n }});
    const long long inner = i % {{ inner }}LL;
    const long long o = (i / {{ inner }}LL) % {{ out_len }}LL;
    const long long outer = i / ({{ inner }}LL * {{ out_len }}LL);
    const float* x = {{ x }} + outer * {{ axis }}LL * {{ inner }}LL + inner;
    float acc = 0.0f;
    for (long long k = 0; k < {{ taps }}; ++k) {
        const long long at = {{ idx }}[o * {{ taps }}LL + k];
        acc += {{ coeffs }}[o * {{ taps }}LL + k] * x[at * {{ inner }}LL];
    }
    {{ out }}[i] = acc;
}
