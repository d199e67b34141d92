// Scaled-dot-product attention on packed rows (runtime-min's kernels/attention.rs): one thread
// per (batch, head, query). Scores live in the thread's row of scratch; the score expression
// (scale, mask) applies to each, then a softmax over the keys and the product with v.
// Coordinates: c0 batch, c1 head, c2 query.
RONN_KERNEL {{ name }}(char* arena, const char* weights, long long param) {
    RONN_GUARD({{ n }});
{{ coords }}    const float* q = {{ q }} + (c0 * {{ sq }}LL + c2) * {{ wq }}LL + {{ q_off }} + c1 * {{ d }}LL;
    const float* k = {{ k }} + c0 * {{ sk }}LL * {{ wk }}LL + {{ k_off }} + c1 * {{ d }}LL;
    const float* v = {{ v }} + c0 * {{ sk }}LL * {{ wv }}LL + {{ v_off }} + c1 * {{ d }}LL;
    float* s = {{ scratch }} + i * {{ sk }}LL;
    float m = -RONN_INF;
    for (long long c3 = 0; c3 < {{ sk }}; ++c3) {
        float dot = 0.0f;
        for (long long e = 0; e < {{ d }}; ++e) dot += q[e] * k[c3 * {{ wk }}LL + e];
        const float x0 = dot;
{% for load in loads %}        const float x{{ loop.index }} = {{ load.expr }};
{% endfor %}        const float score = {{ expr }};
        s[c3] = score;
        m = ronn_max(m, score);
    }
    float sum = 0.0f;
    for (long long c3 = 0; c3 < {{ sk }}; ++c3) { s[c3] = expf(s[c3] - m); sum += s[c3]; }
    float* y = {{ out }} + (c0 * {{ sq }}LL + c2) * {{ width }}LL + c1 * {{ d }}LL;
    for (long long e = 0; e < {{ d }}; ++e) {
        float acc = 0.0f;
        for (long long c3 = 0; c3 < {{ sk }}; ++c3) acc += s[c3] * v[c3 * {{ wv }}LL + e];
        y[e] = acc / sum;
    }
}
