// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL {{ name }}(char* arena, const char* weights, long long param) {
    RONN_GUARD({{ n }});
{{ coords }}    const {{ ty }}* x = {{ x }} + {{ base }};
    {{ acc_ty }} acc = {{ init }};
    for (long long r = 0; r < {{ count }}; ++r) {
{{ reduced_coords }}        const {{ acc_ty }} v = x[{{ offset }}];
        acc = {{ step }};
    }
    {{ out }}[i] = {{ result }};
}
