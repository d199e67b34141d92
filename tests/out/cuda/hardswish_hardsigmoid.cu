
// node `hardsigmoid_y` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c1 = t_ % 12LL; t_ /= 12LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    ((float*)(arena + 128))[i] = ronn_hard_sigmoid(ronn_hard_swish(x0), 0.3f, 0.5f);
}
