
// node `reducesum_y` (ReduceSum)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    long long t_ = i;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* x = ((float*)(arena + 0)) + c0 * 12LL + c1;
    float acc = 0.0f;
    for (long long r = 0; r < 3; ++r) {
        long long u_ = r;
        const long long r0 = u_ % 3LL; u_ /= 3LL;
        const float v = x[r0 * 4LL];
        acc = acc + v;
    }
    ((float*)(arena + 192))[i] = acc;
}
