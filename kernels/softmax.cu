// Softmax (or log-softmax) along one axis; one thread per row. The input is viewed as
// [outer, axis, inner]; thread i handles (i / inner, ., i % inner).
RONN_KERNEL {{ name }}(char* arena, const char* weights, long long param) {
    RONN_GUARD({{ rows }});
    const long long base = (i / {{ inner }}LL) * {{ axis }}LL * {{ inner }}LL + i % {{ inner }}LL;
    const float* x = {{ x }} + base;
    float* y = {{ out }} + base;
    float m = -RONN_INF;
    for (long long j = 0; j < {{ axis }}; ++j) m = ronn_max(m, x[j * {{ inner }}LL]);
    float s = 0.0f;
    for (long long j = 0; j < {{ axis }}; ++j) s += expf(x[j * {{ inner }}LL] - m);
{% if log %}    const float ls = logf(s);
    for (long long j = 0; j < {{ axis }}; ++j) y[j * {{ inner }}LL] = x[j * {{ inner }}LL] - m - ls;
{% else %}    for (long long j = 0; j < {{ axis }}; ++j) y[j * {{ inner }}LL] = expf(x[j * {{ inner }}LL] - m) / s;
{% endif %}}
