
// node `maxpool_y` (MaxPool)
// N-d max or average pooling (NC... layout), one output element per thread.
// Coordinates: c0 batch, c1 channel, c2.. output position.
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(75);
    long long t_ = i;
    const long long c3 = t_ % 5LL; t_ /= 5LL;
    const long long c2 = t_ % 5LL; t_ /= 5LL;
    const long long c1 = t_ % 3LL; t_ /= 3LL;
    const long long c0 = t_;
    const float* x = ((float*)(arena + 0)) + (c0 * 3LL + c1) * 100LL;
    float acc = -RONN_INF;
    long long count = 0;
    for (long long k0 = 0; k0 < 3; ++k0) {
        const long long p0 = c2 * 2LL - 0LL + k0 * 1LL;
        const int in0 = p0 >= 0 && p0 < 10LL;
        for (long long k1 = 0; k1 < 3; ++k1) {
            const long long p1 = c3 * 2LL - 0LL + k1 * 1LL;
            const int in1 = p1 >= 0 && p1 < 10LL;
            if (in0 && in1) { const long long pos = p0 * 10LL + p1; acc = ronn_max(acc, x[pos]); }
        }
    }
    ((float*)(arena + 1216))[i] = acc;
}
