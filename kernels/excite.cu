// Squeeze-and-excitation, one of three stages per kernel (all f32):
// mean: one thread per (image, channel) sums its plane into `means`;
// dense: one thread per (image, unit) takes its row of `w` times the image's `src` vector
// (`cols` long), adds `b` and applies `expr` to x0 (the hidden units, then the gates);
// scale: one thread per element multiplies x by its channel's gate.
RONN_KERNEL {{ name }}(char* arena, const char* weights, long long param) {
{%- if stage == "mean" %}
    RONN_GUARD({{ images * channels }});
    const float* x = {{ x }} + i * {{ hw }}LL;
    float sum = 0.0f;
    for (long long j = 0; j < {{ hw }}; ++j) sum += x[j];
    {{ means }}[i] = sum / (float){{ hw }};
{%- elif stage == "dense" %}
    RONN_GUARD({{ images * rows }});
    const long long img = i / {{ rows }}LL, unit = i % {{ rows }}LL;
    const float* w = {{ w }} + unit * {{ cols }}LL;
    const float* v = {{ src }} + img * {{ cols }}LL;
    float x0 = {{ b }}[unit];
    for (long long k = 0; k < {{ cols }}; ++k) x0 += w[k] * v[k];
    {{ dst }}[i] = {{ expr }};
{%- else %}
    RONN_GUARD({{ images * channels * hw }});
    {{ out }}[i] = {{ x }}[i] * {{ gates }}[i / {{ hw }}LL];
{%- endif %}
}
