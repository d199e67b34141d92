
// node `relu_t` (Relu)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(96);
    long long t_ = i;
    const long long c3 = t_ % 4LL; t_ /= 4LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    ((float*)(arena + 384))[i] = ronn_relu(x0);
}

// node `mul_m` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k2_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(96);
    long long t_ = i;
    const long long c3 = t_ % 4LL; t_ /= 4LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 384))[i];
    const float x1 = ((float*)(arena + 384))[c2 * 4LL + c3];
    ((float*)(arena + 768))[i] = (x0 * x1);
}

// node `sigmoid_s` (Sigmoid)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k4_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c3 = t_ % 4LL; t_ /= 4LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 512))[i];
    ((float*)(arena + 1152))[i] = ronn_sigmoid(x0);
}

// node `neg_n` (Neg)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k6_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(32);
    long long t_ = i;
    const long long c3 = t_ % 4LL; t_ /= 4LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 384))[i];
    ((float*)(arena + 1408))[i] = (-x0);
}
