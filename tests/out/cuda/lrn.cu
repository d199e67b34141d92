
// node `lrn_y` (Lrn)
// Local response normalisation across channels (NC... layout), one output element per thread:
// y = x / (bias + alpha / size * sum of x^2 over the channel window)^beta.
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(200);
    const long long inner = i % 25LL;
    const long long ch = (i / 25LL) % 8LL;
    const float* x = ((float*)(arena + 0)) + (i / (25LL * 8LL)) * 8LL * 25LL + inner;
    const long long lo = ch - 2 < 0 ? 0 : ch - 2;
    const long long hi = ch + 2 + 1 > 8 ? 8 : ch + 2 + 1;
    float sum = 0.0f;
    for (long long c = lo; c < hi; ++c) { const float v = x[c * 25LL]; sum += v * v; }
    ((float*)(arena + 832))[i] = x[ch * 25LL] / powf(2.0f + 0.0039999997f * sum, 0.75f);
}
