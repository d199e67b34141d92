
// node `transpose_t` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c2 = t_ % 3LL; t_ /= 3LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[c0 * 12LL + c1 + c2 * 4LL];
    ((float*)(arena + 256))[i] = x0;
}

// node `concat_y` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k1_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(24);
    long long t_ = i;
    const long long c2 = t_ % 3LL; t_ /= 3LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 256))[i];
    ((float*)(arena + 384))[c0 * 27LL + (c1 + 0LL) * 3LL + c2] = x0;
}

// node `concat_y` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k1_1(char* arena, const char* weights, long long param) {
    RONN_GUARD(30);
    long long t_ = i;
    const long long c2 = t_ % 3LL; t_ /= 3LL;
    const long long c1 = t_ % 5LL; t_ /= 5LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 128))[i];
    ((float*)(arena + 384))[c0 * 27LL + (c1 + 4LL) * 3LL + c2] = x0;
}
