
// node `softmax_y` (Softmax)
// Softmax (or log-softmax) along one axis; one thread per row. The input is viewed as
// [outer, axis, inner]; thread i handles (i / inner, ., i % inner).
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    const long long base = (i / 4LL) * 3LL * 4LL + i % 4LL;
    const float* x = ((float*)(arena + 0)) + base;
    float* y = ((float*)(arena + 128)) + base;
    float m = -RONN_INF;
    for (long long j = 0; j < 3; ++j) m = ronn_max(m, x[j * 4LL]);
    float s = 0.0f;
    for (long long j = 0; j < 3; ++j) s += expf(x[j * 4LL] - m);
    for (long long j = 0; j < 3; ++j) y[j * 4LL] = expf(x[j * 4LL] - m) / s;
}
