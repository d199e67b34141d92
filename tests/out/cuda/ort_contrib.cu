
// node `SimplifiedLayerNormalization_6/square` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((float*)(arena + 0))[i];
    ((float*)(arena + 704))[i] = (x0 * x1);
}

// node `SimplifiedLayerNormalization_6/mean_square` (ReduceMean)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k1_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    long long t_ = i;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* x = ((float*)(arena + 704)) + c0 * 32LL + c1 * 8LL;
    float acc = 0.0f;
    for (long long r = 0; r < 8; ++r) {
        long long u_ = r;
        const long long r0 = u_ % 8LL; u_ /= 8LL;
        const float v = x[r0];
        acc = acc + v;
    }
    ((float*)(arena + 960))[i] = acc / (float)8;
}

// node `SimplifiedLayerNormalization_6/rms` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k2_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    long long t_ = i;
    const long long c2 = t_ % 1LL; t_ /= 1LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 960))[i];
    const float x1 = ((const float*)(weights + 0))[0];
    ((float*)(arena + 704))[i] = sqrtf((x0 + x1));
}

// node `SimplifiedLayerNormalization_6/inv_rms` (Reciprocal)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k3_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    long long t_ = i;
    const long long c2 = t_ % 1LL; t_ /= 1LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 704))[i];
    ((float*)(arena + 768))[i] = (1.0f / x0);
}

// node `SimplifiedLayerNormalization_6` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k4_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((float*)(arena + 768))[c0 * 4LL + c1];
    const float x2 = ((float*)(arena + 512))[c2];
    ((float*)(arena + 832))[i] = ((x0 * x1) * x2);
}

// node `SkipSimplifiedLayerNormalization_5/residual/sum0` (Add)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k5_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((float*)(arena + 256))[i];
    ((float*)(arena + 1088))[i] = (x0 + x1);
}

// node `SkipSimplifiedLayerNormalization_5/residual/sum1` (Add)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k6_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1088))[i];
    const float x1 = ((float*)(arena + 640))[c2];
    ((float*)(arena + 256))[i] = (x0 + x1);
}

// node `SkipSimplifiedLayerNormalization_5/square` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k7_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 256))[i];
    const float x1 = ((float*)(arena + 256))[i];
    ((float*)(arena + 1344))[i] = (x0 * x1);
}

// node `SkipSimplifiedLayerNormalization_5/mean_square` (ReduceMean)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k8_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    long long t_ = i;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* x = ((float*)(arena + 1344)) + c0 * 32LL + c1 * 8LL;
    float acc = 0.0f;
    for (long long r = 0; r < 8; ++r) {
        long long u_ = r;
        const long long r0 = u_ % 8LL; u_ /= 8LL;
        const float v = x[r0];
        acc = acc + v;
    }
    ((float*)(arena + 704))[i] = acc / (float)8;
}

// node `SkipSimplifiedLayerNormalization_5/rms` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k9_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    long long t_ = i;
    const long long c2 = t_ % 1LL; t_ /= 1LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 704))[i];
    const float x1 = ((const float*)(weights + 0))[0];
    ((float*)(arena + 768))[i] = sqrtf((x0 + x1));
}

// node `SkipSimplifiedLayerNormalization_5/inv_rms` (Reciprocal)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k10_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    long long t_ = i;
    const long long c2 = t_ % 1LL; t_ /= 1LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 768))[i];
    ((float*)(arena + 704))[i] = (1.0f / x0);
}

// node `SkipSimplifiedLayerNormalization_5` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k11_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 256))[i];
    const float x1 = ((float*)(arena + 704))[c0 * 4LL + c1];
    const float x2 = ((float*)(arena + 512))[c2];
    ((float*)(arena + 1344))[i] = ((x0 * x1) * x2);
}

// node `SkipLayerNormalization_4/residual/sum1` (Add)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k12_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1088))[i];
    const float x1 = ((float*)(arena + 640))[c2];
    ((float*)(arena + 1600))[i] = (x0 + x1);
}

// node `SkipLayerNormalization_4/mean` (ReduceMean)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k13_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    long long t_ = i;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* x = ((float*)(arena + 1600)) + c0 * 32LL + c1 * 8LL;
    float acc = 0.0f;
    for (long long r = 0; r < 8; ++r) {
        long long u_ = r;
        const long long r0 = u_ % 8LL; u_ /= 8LL;
        const float v = x[r0];
        acc = acc + v;
    }
    ((float*)(arena + 704))[i] = acc / (float)8;
}

// node `SkipLayerNormalization_4/centered` (Sub)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k14_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1600))[i];
    const float x1 = ((float*)(arena + 704))[c0 * 4LL + c1];
    ((float*)(arena + 1088))[i] = (x0 - x1);
}

// node `SkipLayerNormalization_4/square` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k15_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1088))[i];
    const float x1 = ((float*)(arena + 1088))[i];
    ((float*)(arena + 1856))[i] = (x0 * x1);
}

// node `SkipLayerNormalization_4/var` (ReduceMean)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k16_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    long long t_ = i;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float* x = ((float*)(arena + 1856)) + c0 * 32LL + c1 * 8LL;
    float acc = 0.0f;
    for (long long r = 0; r < 8; ++r) {
        long long u_ = r;
        const long long r0 = u_ % 8LL; u_ /= 8LL;
        const float v = x[r0];
        acc = acc + v;
    }
    ((float*)(arena + 768))[i] = acc / (float)8;
}

// node `SkipLayerNormalization_4/std` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k17_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    long long t_ = i;
    const long long c2 = t_ % 1LL; t_ /= 1LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 768))[i];
    const float x1 = ((const float*)(weights + 64))[0];
    ((float*)(arena + 1856))[i] = sqrtf((x0 + x1));
}

// node `SkipLayerNormalization_4/inv_std` (Reciprocal)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k18_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    long long t_ = i;
    const long long c2 = t_ % 1LL; t_ /= 1LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1856))[i];
    ((float*)(arena + 768))[i] = (1.0f / x0);
}

// node `QuickGelu_3` (Swish)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k19_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    ((float*)(arena + 1856))[i] = (x0 * ronn_sigmoid(1.5f * x0));
}

// node `FastGelu_2/sum0` (Add)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k20_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((float*)(arena + 640))[c2];
    ((float*)(arena + 2112))[i] = (x0 + x1);
}

// node `FastGelu_2` (GeluTanh)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k21_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2112))[i];
    ((float*)(arena + 2368))[i] = ronn_gelu_tanh(x0);
}

// node `BiasGelu_1` (Gelu)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k22_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2112))[i];
    ((float*)(arena + 2624))[i] = ronn_gelu(x0);
}

// node `SkipLayerNormalization_4/biased` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k23_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1088))[i];
    const float x1 = ((float*)(arena + 768))[c0 * 4LL + c1];
    const float x2 = ((float*)(arena + 512))[c2];
    const float x3 = ((float*)(arena + 576))[c2];
    ((float*)(arena + 2112))[i] = (((x0 * x1) * x2) + x3);
}

// node `Gelu_0` (Gelu)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k24_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(64);
    long long t_ = i;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    ((float*)(arena + 1088))[i] = ronn_gelu(x0);
}
