// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL {{ name }}(char* arena, const char* weights, long long param) {
    RONN_GUARD({{ n }});
{{ coords }}{{ setup }}{% for load in loads %}    const {{ load.ty }} x{{ loop.index0 }} = {{ load.expr }};
{% endfor %}    {{ out }}[{{ out_index }}] = {{ expr }};
}
