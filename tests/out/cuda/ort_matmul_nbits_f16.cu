
// node `MatMulNBits_2/a` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(120);
    long long t_ = i;
    const long long c1 = t_ % 40LL; t_ /= 40LL;
    const long long c0 = t_;
    const float x0 = ronn_h2f(((unsigned short*)(arena + 0))[i]);
    ((float*)(arena + 256))[i] = (float)(x0);
}

// node `MatMulNBits_2/f32` (MatMul)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k1_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(18);
    long long t_ = i;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 256)) + 0 + c0 * 40LL;
    const float* b = ((const float*)(weights + 0)) + 0 + c1;
    float acc = 0.0f;
    for (long long k = 0; k < 40; ++k) acc += (a[k]) * (b[k * 6LL]);
    const float x0 = acc;
    ((float*)(arena + 0))[i] = x0;
}

// node `MatMulNBits_2` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k2_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(18);
    long long t_ = i;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    ((unsigned short*)(arena + 128))[i] = ronn_f2h((float)(x0));
}

// node `MatMulNBits_1/f32` (MatMul)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k3_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(18);
    long long t_ = i;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 256)) + 0 + c0 * 40LL;
    const float* b = ((const float*)(weights + 960)) + 0 + c1;
    float acc = 0.0f;
    for (long long k = 0; k < 40; ++k) acc += (a[k]) * (b[k * 6LL]);
    const float x0 = acc;
    ((float*)(arena + 0))[i] = x0;
}

// node `MatMulNBits_1` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k4_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(18);
    long long t_ = i;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    ((unsigned short*)(arena + 192))[i] = ronn_f2h((float)(x0));
}

// node `MatMulNBits_0/f32` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k5_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(18);
    long long t_ = i;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 256)) + 0 + c0 * 40LL;
    const float* b = ((const float*)(weights + 1920)) + 0 + c1;
    float acc = 0.0f;
    for (long long k = 0; k < 40; ++k) acc += (a[k]) * (b[k * 6LL]);
    const float x0 = acc;
    const float x1 = ((const float*)(weights + 2880))[c1];
    ((float*)(arena + 0))[i] = (x0 + x1);
}

// node `MatMulNBits_0` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k6_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(18);
    long long t_ = i;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    ((unsigned short*)(arena + 256))[i] = ronn_f2h((float)(x0));
}
