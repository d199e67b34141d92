
// node `relu_y` (Fused)
// Direct N-d convolution (NC... layout, grouped), one output element per thread, with a fused
// epilogue. Coordinates: c0 batch, c1 output channel, c2.. output position.
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1960);
    long long t_ = i;
    const long long c3 = t_ % 7LL; t_ /= 7LL;
    const long long c2 = t_ % 7LL; t_ /= 7LL;
    const long long c1 = t_ % 40LL; t_ /= 40LL;
    const long long c0 = t_;
    const long long group = c1 / 40;
    const float* x = ((float*)(arena + 0)) + (c0 * 32LL + group * 32LL) * 49LL;
    const float* w = ((const float*)(weights + 0)) + c1 * 32LL * 9LL;
    float acc = ((const float*)(weights + 46080))[c1];
    for (long long ci = 0; ci < 32; ++ci, x += 49LL, w += 9LL) {
        for (long long k0 = 0; k0 < 3; ++k0) {
            const long long p0 = c2 * 1LL - 1LL + k0 * 1LL;
            const int in0 = p0 >= 0 && p0 < 7LL;
            for (long long k1 = 0; k1 < 3; ++k1) {
                const long long p1 = c3 * 1LL - 1LL + k1 * 1LL;
                const int in1 = p1 >= 0 && p1 < 7LL;
                if (in0 && in1) { const long long pos = p0 * 7LL + p1; acc += x[pos] * w[k0 * 3LL + k1]; }
            }
        }
    }
    const float x0 = acc;
    ((float*)(arena + 6272))[i] = ronn_relu(x0);
}
