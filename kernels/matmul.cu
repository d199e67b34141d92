// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL {{ name }}(char* arena, const char* weights, long long param) {
    RONN_GUARD({{ n }});
{{ coords }}    const {{ a_ty }}* a = {{ a }} + {{ a_base }} + c{{ row_axis }} * {{ k }}LL;
    const {{ b_ty }}* b = {{ b }} + {{ b_base }} + c{{ col_axis }};
    float acc = 0.0f;
    for (long long k = 0; k < {{ k }}; ++k) acc += ({{ a_elem }}) * ({{ b_elem }});
    const float x0 = acc;
{% for load in loads %}    const float x{{ loop.index }} = {{ load.expr }};
{% endfor %}    {{ out }}[i] = {{ store }};
}
