// Direct N-d convolution (NC... layout, grouped), one output element per thread, with a fused
// epilogue. Coordinates: c0 batch, c1 output channel, c2.. output position.
RONN_KERNEL {{ name }}(char* arena, const char* weights, long long param) {
    RONN_GUARD({{ n }});
{{ coords }}    const long long group = c1 / {{ out_per_group }};
    const float* x = {{ x }} + (c0 * {{ in_channels }}LL + group * {{ in_per_group }}LL) * {{ in_plane }}LL;
    const float* w = {{ w }} + c1 * {{ in_per_group }}LL * {{ taps }}LL;
    float acc = {{ bias }};
    for (long long ci = 0; ci < {{ in_per_group }}; ++ci, x += {{ in_plane }}LL, w += {{ taps }}LL) {
{{ taps_loop }}    }
    const float x0 = acc;
{% for load in loads %}    const float x{{ loop.index }} = {{ load.expr }};
{% endfor %}    {{ out }}[i] = {{ expr }};
}
