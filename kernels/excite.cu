// Squeeze-and-excitation, one of four stages per kernel (all f32):
// mean: one thread per (image, channel) sums its plane; hidden: one per (image, unit) takes
// w1's row times the means, adds b1 and applies `act` to x0; gate: one per (image, channel)
// takes w2's row times the hidden units, adds b2 and applies `gate`; scale: one per element
// multiplies x by its channel's gate.
RONN_KERNEL {{ name }}(char* arena, const char* weights, long long param) {
{%- if stage == "mean" %}
    RONN_GUARD({{ images * channels }});
    const float* x = {{ x }} + i * {{ hw }}LL;
    float sum = 0.0f;
    for (long long j = 0; j < {{ hw }}; ++j) sum += x[j];
    {{ means }}[i] = sum / (float){{ hw }};
{%- elif stage == "hidden" %}
    RONN_GUARD({{ images * hidden }});
    const long long img = i / {{ hidden }}LL, unit = i % {{ hidden }}LL;
    const float* w = {{ w1 }} + unit * {{ channels }}LL;
    const float* m = {{ means }} + img * {{ channels }}LL;
    float x0 = {{ b1 }}[unit];
    for (long long k = 0; k < {{ channels }}; ++k) x0 += w[k] * m[k];
    {{ hiddens }}[i] = {{ act }};
{%- elif stage == "gate" %}
    RONN_GUARD({{ images * channels }});
    const long long img = i / {{ channels }}LL, c = i % {{ channels }}LL;
    const float* w = {{ w2 }} + c * {{ hidden }}LL;
    const float* h = {{ hiddens }} + img * {{ hidden }}LL;
    float x0 = {{ b2 }}[c];
    for (long long k = 0; k < {{ hidden }}; ++k) x0 += w[k] * h[k];
    {{ gates }}[i] = {{ gate }};
{%- else %}
    RONN_GUARD({{ images * channels * hw }});
    {{ out }}[i] = {{ x }}[i] * {{ gates }}[i / {{ hw }}LL];
{%- endif %}
}
