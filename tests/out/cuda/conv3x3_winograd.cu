
// node `relu_y` (Fused)
// Direct N-d convolution (NC... layout, grouped), one output element per thread, with a fused
// epilogue. Coordinates: c0 batch, c1 output channel, c2.. output position.
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(12096);
    long long t_ = i;
    const long long c3 = t_ % 18LL; t_ /= 18LL;
    const long long c2 = t_ % 14LL; t_ /= 14LL;
    const long long c1 = t_ % 24LL; t_ /= 24LL;
    const long long c0 = t_;
    const long long group = c1 / 24;
    const float* x = ((float*)(arena + 0)) + (c0 * 16LL + group * 16LL) * 252LL;
    const float* w = ((const float*)(weights + 0)) + c1 * 16LL * 9LL;
    float acc = ((const float*)(weights + 13824))[c1];
    for (long long ci = 0; ci < 16; ++ci, x += 252LL, w += 9LL) {
        for (long long k0 = 0; k0 < 3; ++k0) {
            const long long p0 = c2 * 1LL - 1LL + k0 * 1LL;
            const int in0 = p0 >= 0 && p0 < 14LL;
            for (long long k1 = 0; k1 < 3; ++k1) {
                const long long p1 = c3 * 1LL - 1LL + k1 * 1LL;
                const int in1 = p1 >= 0 && p1 < 18LL;
                if (in0 && in1) { const long long pos = p0 * 18LL + p1; acc += x[pos] * w[k0 * 3LL + k1]; }
            }
        }
    }
    const float x0 = acc;
    const float x1 = ((float*)(arena + 32256))[i];
    ((float*)(arena + 80640))[i] = ronn_relu((x0 + x1));
}
