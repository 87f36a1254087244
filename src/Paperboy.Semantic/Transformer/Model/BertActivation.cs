namespace Paperboy.Semantic.Transformer.Model;

/// <summary>The feed-forward nonlinearity named by config.json's hidden_act.</summary>
public enum BertActivation
{
    /// <summary>"gelu": x·Φ(x) with the exact normal CDF (erf), as BERT and MiniLM were trained.</summary>
    Gelu,

    /// <summary>"gelu_new", "gelu_pytorch_tanh": the tanh approximation of GELU (Hendrycks and Gimpel 2016).</summary>
    GeluTanh,

    Relu,
}
