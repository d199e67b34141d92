
// node `image_QuantizeLinear/div` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(768);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 3LL; t_ /= 3LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 0))[0];
    ((float*)(arena + 3072))[i] = (x0 / x1);
}

// node `image_QuantizeLinear/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k1_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(768);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 3LL; t_ /= 3LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3072))[i];
    ((float*)(arena + 0))[i] = ronn_round(x0);
}

// node `image_QuantizeLinear/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k2_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(768);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 3LL; t_ /= 3LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 64))[0];
    const float x2 = ((const float*)(weights + 128))[0];
    const float x3 = ((const float*)(weights + 192))[0];
    ((float*)(arena + 3072))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `image_QuantizeLinear` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k3_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(768);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 3LL; t_ /= 3LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 3072))[i];
    ((unsigned char*)(arena + 0))[i] = (unsigned char)(x0);
}

// node `conv_c1_quant/x/x_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k4_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(768);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 3LL; t_ /= 3LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 0))[i];
    ((float*)(arena + 768))[i] = (float)(x0);
}

// node `conv_c1_quant/x` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k5_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(768);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 3LL; t_ /= 3LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 768))[i];
    const float x1 = ((const float*)(weights + 64))[0];
    const float x2 = ((const float*)(weights + 0))[0];
    ((float*)(arena + 3840))[i] = ((x0 - x1) * x2);
}

// node `conv_c1_quant/div` (Fused)
// Direct N-d convolution (NC... layout, grouped), one output element per thread, with a fused
// epilogue. Coordinates: c0 batch, c1 output channel, c2.. output position.
RONN_KERNEL k6_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const long long group = c1 / 8;
    const float* x = ((float*)(arena + 3840)) + (c0 * 3LL + group * 3LL) * 256LL;
    const float* w = ((const float*)(weights + 256)) + c1 * 3LL * 9LL;
    float acc = ((const float*)(weights + 1152))[c1];
    for (long long ci = 0; ci < 3; ++ci, x += 256LL, w += 9LL) {
        for (long long k0 = 0; k0 < 3; ++k0) {
            const long long p0 = c2 * 1LL - 1LL + k0 * 1LL;
            const int in0 = p0 >= 0 && p0 < 16LL;
            for (long long k1 = 0; k1 < 3; ++k1) {
                const long long p1 = c3 * 1LL - 1LL + k1 * 1LL;
                const int in1 = p1 >= 0 && p1 < 16LL;
                if (in0 && in1) { const long long pos = p0 * 16LL + p1; acc += x[pos] * w[k0 * 3LL + k1]; }
            }
        }
    }
    const float x0 = acc;
    const float x1 = ((const float*)(weights + 1216))[0];
    ((float*)(arena + 6912))[i] = (x0 / x1);
}

// node `conv_c1_quant/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k7_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 6912))[i];
    ((float*)(arena + 15104))[i] = ronn_round(x0);
}

// node `conv_c1_quant/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k8_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 15104))[i];
    const float x1 = ((const float*)(weights + 128))[0];
    const float x2 = ((const float*)(weights + 192))[0];
    ((float*)(arena + 0))[i] = ronn_min(ronn_max(x0, x1), x2);
}

// node `conv_c1_quant` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k9_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    ((unsigned char*)(arena + 8192))[i] = (unsigned char)(x0);
}

// node `add_residual_quant/b_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k10_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 8192))[i];
    ((float*)(arena + 0))[i] = (float)(x0);
}

// node `conv_c2_quant/x` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k11_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 1216))[0];
    ((float*)(arena + 8192))[i] = (x0 * x1);
}

// node `conv_c2_quant/div` (Fused)
// Direct N-d convolution (NC... layout, grouped), one output element per thread, with a fused
// epilogue. Coordinates: c0 batch, c1 output channel, c2.. output position.
RONN_KERNEL k12_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const long long group = c1 / 8;
    const float* x = ((float*)(arena + 8192)) + (c0 * 8LL + group * 8LL) * 256LL;
    const float* w = ((const float*)(weights + 1280)) + c1 * 8LL * 9LL;
    float acc = ((const float*)(weights + 3584))[c1];
    for (long long ci = 0; ci < 8; ++ci, x += 256LL, w += 9LL) {
        for (long long k0 = 0; k0 < 3; ++k0) {
            const long long p0 = c2 * 1LL - 1LL + k0 * 1LL;
            const int in0 = p0 >= 0 && p0 < 16LL;
            for (long long k1 = 0; k1 < 3; ++k1) {
                const long long p1 = c3 * 1LL - 1LL + k1 * 1LL;
                const int in1 = p1 >= 0 && p1 < 16LL;
                if (in0 && in1) { const long long pos = p0 * 16LL + p1; acc += x[pos] * w[k0 * 3LL + k1]; }
            }
        }
    }
    const float x0 = acc;
    const float x1 = ((const float*)(weights + 3648))[0];
    ((float*)(arena + 16384))[i] = (x0 / x1);
}

// node `conv_c2_quant/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k13_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 16384))[i];
    ((float*)(arena + 8192))[i] = ronn_round(x0);
}

// node `conv_c2_quant/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k14_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 8192))[i];
    const float x1 = ((const float*)(weights + 3712))[0];
    const float x2 = ((const float*)(weights + 128))[0];
    const float x3 = ((const float*)(weights + 192))[0];
    ((float*)(arena + 16384))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `conv_c2_quant` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k15_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 16384))[i];
    ((unsigned char*)(arena + 8192))[i] = (unsigned char)(x0);
}

// node `mul_swish_quant/a_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k16_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 8192))[i];
    ((float*)(arena + 10240))[i] = (float)(x0);
}

// node `mul_swish_quant/a_centered` (Sub)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k17_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 10240))[i];
    const float x1 = ((const float*)(weights + 3712))[0];
    ((float*)(arena + 18432))[i] = (x0 - x1);
}

// node `sigmoid_gate_quant/div` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k18_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 18432))[i];
    const float x1 = ((const float*)(weights + 3648))[0];
    const float x2 = ((const float*)(weights + 3776))[0];
    ((float*)(arena + 8192))[i] = (ronn_sigmoid((x0 * x1)) / x2);
}

// node `sigmoid_gate_quant/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k19_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 8192))[i];
    ((float*)(arena + 26624))[i] = ronn_round(x0);
}

// node `sigmoid_gate_quant/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k20_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 26624))[i];
    const float x1 = ((const float*)(weights + 128))[0];
    const float x2 = ((const float*)(weights + 192))[0];
    ((float*)(arena + 8192))[i] = ronn_min(ronn_max(x0, x1), x2);
}

// node `sigmoid_gate_quant` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k21_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 8192))[i];
    ((unsigned char*)(arena + 16384))[i] = (unsigned char)(x0);
}

// node `mul_swish_quant/b_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k22_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 16384))[i];
    ((float*)(arena + 8192))[i] = (float)(x0);
}

// node `mul_swish_quant/scaled` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k23_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 18432))[i];
    const float x1 = ((float*)(arena + 8192))[i];
    const float x2 = ((const float*)(weights + 3840))[0];
    ((float*)(arena + 26624))[i] = ((x0 * x1) * x2);
}

// node `mul_swish_quant/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k24_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 26624))[i];
    ((float*)(arena + 8192))[i] = ronn_round(x0);
}

// node `mul_swish_quant/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k25_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 8192))[i];
    const float x1 = ((const float*)(weights + 3904))[0];
    const float x2 = ((const float*)(weights + 128))[0];
    const float x3 = ((const float*)(weights + 192))[0];
    ((float*)(arena + 16384))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `mul_swish_quant` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k26_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 16384))[i];
    ((unsigned char*)(arena + 8192))[i] = (unsigned char)(x0);
}

// node `add_residual_quant/a_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k27_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 8192))[i];
    ((float*)(arena + 10240))[i] = (float)(x0);
}

// node `add_residual_quant/sum` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k28_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 10240))[i];
    const float x1 = ((const float*)(weights + 3904))[0];
    const float x2 = ((const float*)(weights + 3968))[0];
    const float x3 = ((float*)(arena + 0))[i];
    const float x4 = ((const float*)(weights + 4032))[0];
    ((float*)(arena + 18432))[i] = (((x0 - x1) * x2) + (x3 * x4));
}

// node `add_residual_quant/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k29_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 18432))[i];
    ((float*)(arena + 0))[i] = ronn_round(x0);
}

// node `add_residual_quant/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k30_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 4096))[0];
    const float x2 = ((const float*)(weights + 128))[0];
    const float x3 = ((const float*)(weights + 192))[0];
    ((float*)(arena + 8192))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `add_residual_quant` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k31_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 8192))[i];
    ((unsigned char*)(arena + 0))[i] = (unsigned char)(x0);
}

// node `concat_both_quant/x0/x_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k32_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 0))[i];
    ((float*)(arena + 2048))[i] = (float)(x0);
}

// node `concat_both_quant/x0` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k33_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2048))[i];
    const float x1 = ((const float*)(weights + 4096))[0];
    const float x2 = ((const float*)(weights + 4160))[0];
    ((float*)(arena + 10240))[i] = ((x0 - x1) * x2);
}

// node `conv_c3_quant/div` (Fused)
// Direct N-d convolution (NC... layout, grouped), one output element per thread, with a fused
// epilogue. Coordinates: c0 batch, c1 output channel, c2.. output position.
RONN_KERNEL k34_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const long long group = c1 / 8;
    const float* x = ((float*)(arena + 10240)) + (c0 * 8LL + group * 8LL) * 256LL;
    const float* w = ((const float*)(weights + 4224)) + c1 * 8LL * 1LL;
    float acc = ((const float*)(weights + 4480))[c1];
    for (long long ci = 0; ci < 8; ++ci, x += 256LL, w += 1LL) {
        for (long long k0 = 0; k0 < 1; ++k0) {
            const long long p0 = c2 * 1LL - 0LL + k0 * 1LL;
            const int in0 = p0 >= 0 && p0 < 16LL;
            for (long long k1 = 0; k1 < 1; ++k1) {
                const long long p1 = c3 * 1LL - 0LL + k1 * 1LL;
                const int in1 = p1 >= 0 && p1 < 16LL;
                if (in0 && in1) { const long long pos = p0 * 16LL + p1; acc += x[pos] * w[k0 + k1]; }
            }
        }
    }
    const float x0 = acc;
    const float x1 = ((const float*)(weights + 4544))[0];
    ((float*)(arena + 0))[i] = (x0 / x1);
}

// node `conv_c3_quant/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k35_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    ((float*)(arena + 26624))[i] = ronn_round(x0);
}

// node `conv_c3_quant/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k36_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 26624))[i];
    const float x1 = ((const float*)(weights + 4608))[0];
    const float x2 = ((const float*)(weights + 128))[0];
    const float x3 = ((const float*)(weights + 192))[0];
    ((float*)(arena + 0))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `conv_c3_quant` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k37_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    ((unsigned char*)(arena + 8192))[i] = (unsigned char)(x0);
}

// node `leakyrelu_leaky_quant/x/x_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k38_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 8192))[i];
    ((float*)(arena + 0))[i] = (float)(x0);
}

// node `leakyrelu_leaky_quant/div` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k39_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 4608))[0];
    const float x2 = ((const float*)(weights + 4544))[0];
    const float x3 = ((const float*)(weights + 4672))[0];
    ((float*)(arena + 26624))[i] = (ronn_leaky_relu(((x0 - x1) * x2), 0.1f) / x3);
}

// node `leakyrelu_leaky_quant/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k40_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 26624))[i];
    ((float*)(arena + 0))[i] = ronn_round(x0);
}

// node `leakyrelu_leaky_quant/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k41_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 4736))[0];
    const float x2 = ((const float*)(weights + 128))[0];
    const float x3 = ((const float*)(weights + 192))[0];
    ((float*)(arena + 26624))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `leakyrelu_leaky_quant` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k42_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 26624))[i];
    ((unsigned char*)(arena + 0))[i] = (unsigned char)(x0);
}

// node `concat_both_quant/x1/x_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k43_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 0))[i];
    ((float*)(arena + 2048))[i] = (float)(x0);
}

// node `concat_both_quant/x1` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k44_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(2048);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 8LL; t_ /= 8LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 2048))[i];
    const float x1 = ((const float*)(weights + 4736))[0];
    const float x2 = ((const float*)(weights + 4672))[0];
    ((float*)(arena + 18432))[i] = ((x0 - x1) * x2);
}

// node `concat_both_quant/div` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k46_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(4096);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 10240))[i];
    const float x1 = ((const float*)(weights + 4672))[0];
    ((float*)(arena + 26624))[i] = (x0 / x1);
}

// node `concat_both_quant/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k47_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(4096);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 26624))[i];
    ((float*)(arena + 0))[i] = ronn_round(x0);
}

// node `concat_both_quant/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k48_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(4096);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 4736))[0];
    const float x2 = ((const float*)(weights + 128))[0];
    const float x3 = ((const float*)(weights + 192))[0];
    ((float*)(arena + 16384))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `concat_both_quant` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k49_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(4096);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 16384))[i];
    ((unsigned char*)(arena + 0))[i] = (unsigned char)(x0);
}

// node `averagepool_pooled_quant/x/x_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k50_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(4096);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 0))[i];
    ((float*)(arena + 4096))[i] = (float)(x0);
}

// node `averagepool_pooled_quant/x` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k51_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(4096);
    long long t_ = i;
    const long long c3 = t_ % 16LL; t_ /= 16LL;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4096))[i];
    const float x1 = ((const float*)(weights + 4736))[0];
    const float x2 = ((const float*)(weights + 4672))[0];
    ((float*)(arena + 20480))[i] = ((x0 - x1) * x2);
}

// node `averagepool_pooled_quant/pool` (AvgPool)
// N-d max or average pooling (NC... layout), one output element per thread.
// Coordinates: c0 batch, c1 channel, c2.. output position.
RONN_KERNEL k52_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1024);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const float* x = ((float*)(arena + 20480)) + (c0 * 16LL + c1) * 256LL;
    float acc = 0.0f;
    long long count = 0;
    for (long long k0 = 0; k0 < 2; ++k0) {
        const long long p0 = c2 * 2LL - 0LL + k0 * 1LL;
        const int in0 = p0 >= 0 && p0 < 16LL;
        for (long long k1 = 0; k1 < 2; ++k1) {
            const long long p1 = c3 * 2LL - 0LL + k1 * 1LL;
            const int in1 = p1 >= 0 && p1 < 16LL;
            if (in0 && in1) { const long long pos = p0 * 16LL + p1; acc += x[pos]; count++; }
        }
    }
    ((float*)(arena + 0))[i] = acc / (float)count;
}

// node `averagepool_pooled_quant/div` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k53_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1024);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 4800))[0];
    ((float*)(arena + 4096))[i] = (x0 / x1);
}

// node `averagepool_pooled_quant/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k54_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1024);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4096))[i];
    ((float*)(arena + 0))[i] = ronn_round(x0);
}

// node `averagepool_pooled_quant/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k55_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1024);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 4864))[0];
    const float x2 = ((const float*)(weights + 128))[0];
    const float x3 = ((const float*)(weights + 192))[0];
    ((float*)(arena + 4096))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `averagepool_pooled_quant` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k56_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1024);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 4096))[i];
    ((unsigned char*)(arena + 0))[i] = (unsigned char)(x0);
}

// node `globalaveragepool_global_quant/x_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k57_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1024);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 0))[i];
    ((float*)(arena + 1024))[i] = (float)(x0);
}

// node `globalaveragepool_global_quant/x_centered` (Sub)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k58_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1024);
    long long t_ = i;
    const long long c3 = t_ % 8LL; t_ /= 8LL;
    const long long c2 = t_ % 8LL; t_ /= 8LL;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 1024))[i];
    const float x1 = ((const float*)(weights + 4864))[0];
    ((float*)(arena + 5120))[i] = (x0 - x1);
}

// node `globalaveragepool_global_quant/sum` (ReduceSum)
// A reduction over a set of axes; one thread per output element, looping over the `count`
// reduced elements (their coordinates r0, r1, ... decoded from `r`).
RONN_KERNEL k59_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    long long t_ = i;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const float* x = ((float*)(arena + 5120)) + c0 * 1024LL + c1 * 64LL;
    float acc = 0.0f;
    for (long long r = 0; r < 64; ++r) {
        long long u_ = r;
        const long long r1 = u_ % 8LL; u_ /= 8LL;
        const long long r0 = u_ % 8LL; u_ /= 8LL;
        const float v = x[r0 * 8LL + r1];
        acc = acc + v;
    }
    ((float*)(arena + 0))[i] = acc;
}

// node `globalaveragepool_global_quant/scaled` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k60_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    long long t_ = i;
    const long long c3 = t_ % 1LL; t_ /= 1LL;
    const long long c2 = t_ % 1LL; t_ /= 1LL;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 4928))[0];
    ((float*)(arena + 64))[i] = (x0 * x1);
}

// node `globalaveragepool_global_quant/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k61_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    long long t_ = i;
    const long long c3 = t_ % 1LL; t_ /= 1LL;
    const long long c2 = t_ % 1LL; t_ /= 1LL;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 64))[i];
    ((float*)(arena + 0))[i] = ronn_round(x0);
}

// node `globalaveragepool_global_quant/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k62_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    long long t_ = i;
    const long long c3 = t_ % 1LL; t_ /= 1LL;
    const long long c2 = t_ % 1LL; t_ /= 1LL;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 4992))[0];
    const float x2 = ((const float*)(weights + 128))[0];
    const float x3 = ((const float*)(weights + 192))[0];
    ((float*)(arena + 64))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `globalaveragepool_global_quant` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k63_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    long long t_ = i;
    const long long c3 = t_ % 1LL; t_ /= 1LL;
    const long long c2 = t_ % 1LL; t_ /= 1LL;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 64))[i];
    ((unsigned char*)(arena + 0))[i] = (unsigned char)(x0);
}

// node `gemm_logits_quant/a_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k65_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    long long t_ = i;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 0))[i];
    ((float*)(arena + 64))[i] = (float)(x0);
}

// node `gemm_logits_quant/a_centered` (Sub)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k66_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    long long t_ = i;
    const long long c1 = t_ % 16LL; t_ /= 16LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 64))[i];
    const float x1 = ((const float*)(weights + 4992))[0];
    ((float*)(arena + 0))[i] = (x0 - x1);
}

// node `gemm_logits_quant/scaled` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k67_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(6);
    long long t_ = i;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 0)) + 0 + c0 * 16LL;
    const float* b = ((const float*)(weights + 5056)) + 0 + c1;
    float acc = 0.0f;
    for (long long k = 0; k < 16; ++k) acc += (a[k]) * (b[k * 6LL]);
    const float x0 = acc;
    const float x1 = ((const float*)(weights + 5440))[c1];
    const float x2 = ((const float*)(weights + 5504))[c1];
    ((float*)(arena + 64))[i] = ((x0 + x1) * x2);
}

// node `gemm_logits_quant/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k68_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(6);
    long long t_ = i;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 64))[i];
    ((float*)(arena + 0))[i] = ronn_round(x0);
}

// node `gemm_logits_quant/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k69_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(6);
    long long t_ = i;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 5568))[0];
    const float x2 = ((const float*)(weights + 128))[0];
    const float x3 = ((const float*)(weights + 192))[0];
    ((float*)(arena + 64))[i] = ronn_min(ronn_max((x0 + x1), x2), x3);
}

// node `gemm_logits_quant` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k70_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(6);
    long long t_ = i;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 64))[i];
    ((unsigned char*)(arena + 0))[i] = (unsigned char)(x0);
}

// node `softmax_probabilities_quant/x/x_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k71_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(6);
    long long t_ = i;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 0))[i];
    ((float*)(arena + 64))[i] = (float)(x0);
}

// node `softmax_probabilities_quant/x` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k72_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(6);
    long long t_ = i;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 64))[i];
    const float x1 = ((const float*)(weights + 5568))[0];
    const float x2 = ((const float*)(weights + 5632))[0];
    ((float*)(arena + 0))[i] = ((x0 - x1) * x2);
}

// node `softmax_probabilities_quant/softmax` (Softmax)
// Softmax (or log-softmax) along one axis; one thread per row. The input is viewed as
// [outer, axis, inner]; thread i handles (i / inner, ., i % inner).
RONN_KERNEL k73_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(1);
    const long long base = (i / 1LL) * 6LL * 1LL + i % 1LL;
    const float* x = ((float*)(arena + 0)) + base;
    float* y = ((float*)(arena + 64)) + base;
    float m = -RONN_INF;
    for (long long j = 0; j < 6; ++j) m = ronn_max(m, x[j * 1LL]);
    float s = 0.0f;
    for (long long j = 0; j < 6; ++j) s += expf(x[j * 1LL] - m);
    for (long long j = 0; j < 6; ++j) y[j * 1LL] = expf(x[j * 1LL] - m) / s;
}

// node `softmax_probabilities_quant/div` (Div)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k74_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(6);
    long long t_ = i;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 64))[i];
    const float x1 = ((const float*)(weights + 5696))[0];
    ((float*)(arena + 0))[i] = (x0 / x1);
}

// node `softmax_probabilities_quant/round` (Round)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k75_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(6);
    long long t_ = i;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    ((float*)(arena + 64))[i] = ronn_round(x0);
}

// node `softmax_probabilities_quant/clip_hi` (Fused)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k76_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(6);
    long long t_ = i;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 64))[i];
    const float x1 = ((const float*)(weights + 128))[0];
    const float x2 = ((const float*)(weights + 192))[0];
    ((float*)(arena + 0))[i] = ronn_min(ronn_max(x0, x1), x2);
}

// node `softmax_probabilities_quant` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k77_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(6);
    long long t_ = i;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    ((unsigned char*)(arena + 64))[i] = (unsigned char)(x0);
}

// node `probabilities_DequantizeLinear/x_f` (Cast)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k78_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(6);
    long long t_ = i;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const unsigned char x0 = ((unsigned char*)(arena + 64))[i];
    ((float*)(arena + 0))[i] = (float)(x0);
}

// node `probabilities_DequantizeLinear` (Mul)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k79_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(6);
    long long t_ = i;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[i];
    const float x1 = ((const float*)(weights + 5696))[0];
    ((float*)(arena + 64))[i] = (x0 * x1);
}
