
// node `sum_y` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 3LL; t_ /= 3LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((float*)(arena + 128))[c1];
    const float x2 = ((float*)(arena + 192))[c2];
    ((float*)(arena + 256))[i] = ((x0 + x1) + x2);
}
