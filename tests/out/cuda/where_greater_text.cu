
// node `Mul_1` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(10);
    long long t_ = i;
    const long long c1 = t_ % 5LL; t_ /= 5LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((float*)(arena + 0))[i];
    ((float*)(arena + 128))[i] = (x0 * x1);
}

// node `Greater_0` (Greater)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k1_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(10);
    long long t_ = i;
    const long long c1 = t_ % 5LL; t_ /= 5LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((float*)(arena + 64))[c1];
    ((unsigned char*)(arena + 192))[i] = (unsigned char)(x0 > x1);
}

// node `Where_2` (Where)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k2_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(10);
    long long t_ = i;
    const long long c1 = t_ % 5LL; t_ /= 5LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 192))[i];
    const float x1 = ((float*)(arena + 128))[i];
    const float x2 = ((float*)(arena + 0))[i];
    ((float*)(arena + 64))[i] = (x0 ? x1 : x2);
}
