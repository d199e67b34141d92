// Layer normalisation over the last axis; one thread per row.
RONN_KERNEL {{ name }}(char* arena, const char* weights, long long param) {
    RONN_GUARD({{ rows }});
    const float* x = {{ x }} + i * {{ width }}LL;
    const float* scale = {{ scale }};
    const float* bias = {{ bias }};
    float* y = {{ out }} + i * {{ width }}LL;
    float mean = 0.0f;
    for (long long j = 0; j < {{ width }}; ++j) mean += x[j];
    mean /= (float){{ width }};
    float var = 0.0f;
    for (long long j = 0; j < {{ width }}; ++j) { float d = x[j] - mean; var += d * d; }
    var /= (float){{ width }};
    const float inv = 1.0f / sqrtf(var + {{ epsilon }});
    for (long long j = 0; j < {{ width }}; ++j) y[j] = (x[j] - mean) * inv * scale[j] + bias[j];
}
