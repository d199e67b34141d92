
// node `conv_y` (Conv)
// Direct N-d convolution (NC... layout, grouped), one output element per thread, with a fused
// epilogue. Coordinates: c0 batch, c1 output channel, c2.. output position.
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(120);
    long long t_ = i;
    const long long c3 = t_ % 4LL; t_ /= 4LL;
    const long long c2 = t_ % 5LL; t_ /= 5LL;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const long long group = c1 / 3;
    const float* x = ((float*)(arena + 0)) + (c0 * 4LL + group * 2LL) * 110LL;
    const float* w = ((const float*)(weights + 0)) + c1 * 2LL * 9LL;
    float acc = ((const float*)(weights + 448))[c1];
    for (long long ci = 0; ci < 2; ++ci, x += 110LL, w += 9LL) {
        for (long long k0 = 0; k0 < 3; ++k0) {
            const long long p0 = c2 * 2LL - 1LL + k0 * 2LL;
            const int in0 = p0 >= 0 && p0 < 11LL;
            for (long long k1 = 0; k1 < 3; ++k1) {
                const long long p1 = c3 * 2LL - 0LL + k1 * 2LL;
                const int in1 = p1 >= 0 && p1 < 10LL;
                if (in0 && in1) { const long long pos = p0 * 10LL + p1; acc += x[pos] * w[k0 * 3LL + k1]; }
            }
        }
    }
    const float x0 = acc;
    ((float*)(arena + 1792))[i] = x0;
}
