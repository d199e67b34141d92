// N-d max or average pooling (NC... layout), one output element per thread.
// Coordinates: c0 batch, c1 channel, c2.. output position.
RONN_KERNEL {{ name }}(char* arena, const char* weights, long long param) {
    RONN_GUARD({{ n }});
{{ coords }}    const float* x = {{ x }} + (c0 * {{ channels }}LL + c1) * {{ in_plane }}LL;
    float acc = {{ init }};
    long long count = 0;
{{ taps_loop }}    {{ out }}[i] = {{ result }};
}
