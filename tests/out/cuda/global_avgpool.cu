
// node `globalaveragepool_y` (ReduceMean)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(3);
    long long t_ = i;
    const long long c1 = t_ % 3LL; t_ /= 3LL;
    const long long c0 = t_;
    const float* x = ((float*)(arena + 0)) + c0 * 105LL + c1 * 35LL;
    float acc = 0.0f;
    for (long long r = 0; r < 35; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 7LL; u_ /= 7LL;
        const long long r0 = u_ % 5LL; u_ /= 5LL;
        const float v = x[r0 * 7LL + r1];
        acc = acc + v;
    }
    ((float*)(arena + 448))[i] = acc / (float)35;
}
