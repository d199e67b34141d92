
// node `averagepool_y` (AvgPool)
// N-d max or average pooling (NC... layout), one output element per thread.
// Coordinates: c0 batch, c1 channel, c2.. output position.
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(50);
    long long t_ = i;
    const long long c3 = t_ % 5LL; t_ /= 5LL;
    const long long c2 = t_ % 5LL; t_ /= 5LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float* x = ((float*)(arena + 0)) + (c0 * 2LL + c1) * 72LL;
    float acc = 0.0f;
    long long count = 0;
    for (long long k0 = 0; k0 < 3; ++k0) {
        const long long p0 = c2 * 2LL - 1LL + k0 * 1LL;
        const int in0 = p0 >= 0 && p0 < 8LL;
        for (long long k1 = 0; k1 < 3; ++k1) {
            const long long p1 = c3 * 2LL - 1LL + k1 * 1LL;
            const int in1 = p1 >= 0 && p1 < 9LL;
            if (in0 && in1) { const long long pos = p0 * 9LL + p1; acc += x[pos]; count++; }
        }
    }
    ((float*)(arena + 576))[i] = acc / (float)count;
}
