// Local response normalisation across channels (NC... layout), one output element per thread:
// y = x / (bias + alpha / size * sum of x^2 over the channel window)^beta.
RONN_KERNEL {{ name }}(char* arena, const char* weights, long long param) {
    RONN_GUARD({{ n }});
    const long long inner = i % {{ inner }}LL;
    const long long ch = (i / {{ inner }}LL) % {{ channels }}LL;
    const float* x = {{ x }} + (i / ({{ inner }}LL * {{ channels }}LL)) * {{ channels }}LL * {{ inner }}LL + inner;
    const long long lo = ch - {{ before }} < 0 ? 0 : ch - {{ before }};
    const long long hi = ch + {{ after }} + 1 > {{ channels }} ? {{ channels }} : ch + {{ after }} + 1;
    float sum = 0.0f;
    for (long long c = lo; c < hi; ++c) { const float v = x[c * {{ inner }}LL]; sum += v * v; }
    {{ out }}[i] = x[ch * {{ inner }}LL] / powf({{ bias }} + {{ scale }} * sum, {{ beta }});
}
