
// node `RotaryEmbedding_2/sin_at` (Gather)
// Gather along one axis: the input viewed as [outer, axis, inner], the output as
// [outer, indices, inner]. Out-of-range indices read zero (the CPU kernel reports them).
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(32);
    const long long inner = i % 4LL;
    const long long j = (i / 4LL) % 8LL;
    const long long outer = i / (4LL * 8LL);
    long long idx = (long long)((const long long*)(weights + 0))[j];
    if (idx < 0) idx += 8;
    ((float*)(arena + 1280))[i] = (idx < 0 || idx >= 8) ? (float)0 : ((float*)(arena + 1152))[(outer * 8LL + idx) * 4LL + inner];
}

// node `RotaryEmbedding_2/cos_at` (Gather)
// Gather along one axis: the input viewed as [outer, axis, inner], the output as
// [outer, indices, inner]. Out-of-range indices read zero (the CPU kernel reports them).
RONN_KERNEL k2_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(32);
    const long long inner = i % 4LL;
    const long long j = (i / 4LL) % 8LL;
    const long long outer = i / (4LL * 8LL);
    long long idx = (long long)((const long long*)(weights + 0))[j];
    if (idx < 0) idx += 8;
    ((float*)(arena + 1152))[i] = (idx < 0 || idx >= 8) ? (float)0 : ((float*)(arena + 1024))[(outer * 8LL + idx) * 4LL + inner];
}

// node `RotaryEmbedding_2/bshd` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k4_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(128);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 512))[c0 * 64LL + c1 * 8LL + c2 * 32LL + c3];
    ((float*)(arena + 1408))[i] = x0;
}

// node `RotaryEmbedding_2/x2` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k5_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c3 = t_ % 4LL; t_ /= 4LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1408))[(0LL + c0 * 1LL) * 64LL + (0LL + c1 * 1LL) * 16LL + (0LL + c2 * 1LL) * 8LL + (4LL + c3 * 1LL) * 1LL];
    ((float*)(arena + 512))[i] = x0;
}

// node `RotaryEmbedding_2/x1` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k6_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c3 = t_ % 4LL; t_ /= 4LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1408))[(0LL + c0 * 1LL) * 64LL + (0LL + c1 * 1LL) * 16LL + (0LL + c2 * 1LL) * 8LL + (0LL + c3 * 1LL) * 1LL];
    ((float*)(arena + 768))[i] = x0;
}

// node `RotaryEmbedding_2/imag` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k7_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c3 = t_ % 4LL; t_ /= 4LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1280))[c0 * 16LL + c1 * 4LL + c3];
    const float x1 = ((float*)(arena + 768))[i];
    const float x2 = ((float*)(arena + 1152))[c0 * 16LL + c1 * 4LL + c3];
    const float x3 = ((float*)(arena + 512))[i];
    ((float*)(arena + 1408))[i] = ((x0 * x1) + (x2 * x3));
}

// node `RotaryEmbedding_2/real` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k8_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c3 = t_ % 4LL; t_ /= 4LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1152))[c0 * 16LL + c1 * 4LL + c3];
    const float x1 = ((float*)(arena + 768))[i];
    const float x2 = ((float*)(arena + 1280))[c0 * 16LL + c1 * 4LL + c3];
    const float x3 = ((float*)(arena + 512))[i];
    ((float*)(arena + 1664))[i] = ((x0 * x1) - (x2 * x3));
}

// node `RotaryEmbedding_2/rotated` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k9_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c3 = t_ % 4LL; t_ /= 4LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1664))[i];
    ((float*)(arena + 512))[c0 * 64LL + c1 * 16LL + c2 * 8LL + (c3 + 0LL)] = x0;
}

// node `RotaryEmbedding_2/rotated` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k9_1(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c3 = t_ % 4LL; t_ /= 4LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1408))[i];
    ((float*)(arena + 512))[c0 * 64LL + c1 * 16LL + c2 * 8LL + (c3 + 4LL)] = x0;
}

// node `RotaryEmbedding_2` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k10_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(128);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 4LL; t_ /= 4LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 512))[c0 * 64LL + c1 * 8LL + c2 * 16LL + c3];
    ((float*)(arena + 1408))[i] = x0;
}

// node `RotaryEmbedding_1/x2` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k12_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c3 = t_ % 4LL; t_ /= 4LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[(0LL + c0 * 1LL) * 64LL + (0LL + c1 * 1LL) * 16LL + (0LL + c2 * 1LL) * 8LL + (1LL + c3 * 2LL) * 1LL];
    ((float*)(arena + 512))[i] = x0;
}

// node `RotaryEmbedding_1/x1` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k13_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c3 = t_ % 4LL; t_ /= 4LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[(0LL + c0 * 1LL) * 64LL + (0LL + c1 * 1LL) * 16LL + (0LL + c2 * 1LL) * 8LL + (0LL + c3 * 2LL) * 1LL];
    ((float*)(arena + 768))[i] = x0;
}

// node `RotaryEmbedding_1/imag` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k14_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c3 = t_ % 4LL; t_ /= 4LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1280))[c0 * 16LL + c1 * 4LL + c3];
    const float x1 = ((float*)(arena + 768))[i];
    const float x2 = ((float*)(arena + 1152))[c0 * 16LL + c1 * 4LL + c3];
    const float x3 = ((float*)(arena + 512))[i];
    ((float*)(arena + 1920))[i] = ((x0 * x1) + (x2 * x3));
}

// node `RotaryEmbedding_1/real` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k16_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c3 = t_ % 4LL; t_ /= 4LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1152))[c0 * 16LL + c1 * 4LL + c3];
    const float x1 = ((float*)(arena + 768))[i];
    const float x2 = ((float*)(arena + 1280))[c0 * 16LL + c1 * 4LL + c3];
    const float x3 = ((float*)(arena + 512))[i];
    ((float*)(arena + 2176))[i] = ((x0 * x1) - (x2 * x3));
}

// node `RotaryEmbedding_1/pairs` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k18_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c4 = t_ % 1LL; t_ /= 1LL;
    const long long c3 = t_ % 4LL; t_ /= 4LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2176))[i];
    ((float*)(arena + 512))[c0 * 64LL + c1 * 16LL + c2 * 8LL + c3 * 2LL + (c4 + 0LL)] = x0;
}

// node `RotaryEmbedding_1/pairs` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k18_1(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c4 = t_ % 1LL; t_ /= 1LL;
    const long long c3 = t_ % 4LL; t_ /= 4LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1920))[i];
    ((float*)(arena + 512))[c0 * 64LL + c1 * 16LL + c2 * 8LL + c3 * 2LL + (c4 + 1LL)] = x0;
}

// node `RotaryEmbedding_0/x2` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k20_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c3 = t_ % 4LL; t_ /= 4LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[(0LL + c0 * 1LL) * 64LL + (0LL + c1 * 1LL) * 16LL + (0LL + c2 * 1LL) * 8LL + (4LL + c3 * 1LL) * 1LL];
    ((float*)(arena + 1920))[i] = x0;
}

// node `RotaryEmbedding_0/x1` (Slice)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k21_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c3 = t_ % 4LL; t_ /= 4LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[(0LL + c0 * 1LL) * 64LL + (0LL + c1 * 1LL) * 16LL + (0LL + c2 * 1LL) * 8LL + (0LL + c3 * 1LL) * 1LL];
    ((float*)(arena + 2176))[i] = x0;
}

// node `RotaryEmbedding_0/imag` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k22_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c3 = t_ % 4LL; t_ /= 4LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1280))[c0 * 16LL + c1 * 4LL + c3];
    const float x1 = ((float*)(arena + 2176))[i];
    const float x2 = ((float*)(arena + 1152))[c0 * 16LL + c1 * 4LL + c3];
    const float x3 = ((float*)(arena + 1920))[i];
    ((float*)(arena + 0))[i] = ((x0 * x1) + (x2 * x3));
}

// node `RotaryEmbedding_0/real` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k23_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c3 = t_ % 4LL; t_ /= 4LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1152))[c0 * 16LL + c1 * 4LL + c3];
    const float x1 = ((float*)(arena + 2176))[i];
    const float x2 = ((float*)(arena + 1280))[c0 * 16LL + c1 * 4LL + c3];
    const float x3 = ((float*)(arena + 1920))[i];
    ((float*)(arena + 256))[i] = ((x0 * x1) - (x2 * x3));
}

// node `RotaryEmbedding_0/rotated` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k24_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c3 = t_ % 4LL; t_ /= 4LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 256))[i];
    ((float*)(arena + 1920))[c0 * 64LL + c1 * 16LL + c2 * 8LL + (c3 + 0LL)] = x0;
}

// node `RotaryEmbedding_0/rotated` (Concat)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k24_1(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c3 = t_ % 4LL; t_ /= 4LL;
    const long long c2 = t_ % 2LL; t_ /= 2LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    ((float*)(arena + 1920))[c0 * 64LL + c1 * 16LL + c2 * 8LL + (c3 + 4LL)] = x0;
}
