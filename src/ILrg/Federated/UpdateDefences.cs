using ILrg.Numerics;

namespace ILrg.Federated;

/// <summary>
/// Applies an <see cref="UpdateDefence"/> to the update a client shares (SPEC.md §7). Every tensor of the update is
/// defended (the final layer for the closed-form client; the whole model for autograd clients), in ordinal name order
/// so noise draws do not depend on dictionary order. The result keeps the update's names, order and kind.
/// </summary>
public static class UpdateDefences
{
    /// <summary>The defended update.</summary>
    /// <param name="update">What the client computed.</param>
    /// <param name="defence">The defence.</param>
    /// <param name="seed">Seeds the noise (dp).</param>
    /// <param name="soteriaPruned">For soteria: which embedding features to prune (from <see
    /// cref="SoteriaMask"/>).</param>
    /// <exception cref="ArgumentException">An invalid strength, top-k beyond the update's size, or soteria without a
    /// mask of the final layer's width.</exception>
    public static ClientUpdate Apply(
        ClientUpdate update, UpdateDefence defence, ulong seed, IReadOnlyList<bool>? soteriaPruned = null)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(defence);
        long size = update.Gradients.Values.Sum(g => (long)g.Values.Length);
        defence.Validate(size);
        if (defence.Kind == DefenceKind.None)
        {
            return update;
        }

        string[] names = [.. update.Gradients.Keys.Order(StringComparer.Ordinal)];
        var values = names.ToDictionary(n => n, n => (float[])update.Gradients[n].Values.Clone());
        switch (defence.Kind)
        {
            case DefenceKind.Noise:
                var rng = new DeterministicRandom(seed);
                foreach (string n in names)
                {
                    float[] v = values[n];
                    for (int i = 0; i < v.Length; i++)
                    {
                        v[i] = (float)(v[i] + defence.Strength * rng.NextGaussian());
                    }
                }

                break;
            case DefenceKind.Clip:
                double norm = Math.Sqrt(names.Sum(n => values[n].Sum(x => (double)x * x)));
                double factor = Math.Min(1.0, defence.Strength / (norm + 1e-6));
                foreach (float[] v in values.Values)
                {
                    for (int i = 0; i < v.Length; i++)
                    {
                        v[i] = (float)(v[i] * factor);
                    }
                }

                break;
            case DefenceKind.Sparsify:
                foreach (float[] v in values.Values)
                {
                    int zeroed = (int)Math.Floor(defence.Strength * v.Length / 100.0 + 1e-9);
                    foreach (int i in ByMagnitude(v).Take(zeroed))
                    {
                        v[i] = 0;
                    }
                }

                break;
            case DefenceKind.TopK:
                KeepGlobalTopK(names, values, (long)defence.Strength);
                break;
            case DefenceKind.Quantise:
                foreach (float[] v in values.Values)
                {
                    Quantise(v, (int)defence.Strength);
                }

                break;
            case DefenceKind.Soteria:
                MaskColumns(update, values, defence, soteriaPruned);
                break;
        }

        var gradients = update.Gradients.Keys.ToDictionary(
            n => n, n => new ParameterGradient(update.Gradients[n].Shape, values[n]));
        return update with { Gradients = gradients };
    }

    /// <summary>
    /// Per-tensor symmetric quantisation to <paramref name="bits"/> bits: the grid s·{−L…L} with L = 2^(b−1) − 1 and
    /// s = max|x| / L, rounding half to even; one bit is sign quantisation, sign(x)·mean|x| (scaled signSGD).
    /// </summary>
    public static void Quantise(float[] values, int bits)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0)
        {
            return;
        }

        if (bits == 1)
        {
            float mean = (float)values.Average(x => Math.Abs((double)x));
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = Math.Sign(values[i]) * mean;
            }

            return;
        }

        double levels = Math.Pow(2, bits - 1) - 1;
        double max = values.Max(x => Math.Abs((double)x));
        if (max == 0)
        {
            return;
        }

        double step = max / levels;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)(Math.Round(values[i] / step, MidpointRounding.ToEven) * step);
        }
    }

    /// <summary>Cosine similarity of two updates over the tensors they share (1 when both are zero).</summary>
    public static double Cosine(ClientUpdate a, ClientUpdate b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        double dot = 0, na = 0, nb = 0;
        foreach (string name in a.Gradients.Keys.Where(b.Gradients.ContainsKey))
        {
            float[] x = a.Gradients[name].Values, y = b.Gradients[name].Values;
            for (int i = 0; i < Math.Min(x.Length, y.Length); i++)
            {
                dot += (double)x[i] * y[i];
                na += (double)x[i] * x[i];
                nb += (double)y[i] * y[i];
            }
        }

        return na == 0 && nb == 0 ? 1.0 : na == 0 || nb == 0 ? 0.0 : dot / Math.Sqrt(na * nb);
    }

    private static IEnumerable<int> ByMagnitude(float[] v) =>
        Enumerable.Range(0, v.Length).OrderBy(i => Math.Abs(v[i])).ThenBy(i => i);

    private static void KeepGlobalTopK(string[] names, Dictionary<string, float[]> values, long k)
    {
        var keep = names.SelectMany((n, t) => values[n].Select((x, i) => (Abs: Math.Abs(x), Tensor: t, Index: i)))
            .OrderByDescending(e => e.Abs).ThenBy(e => e.Tensor).ThenBy(e => e.Index).Take((int)k)
            .Select(e => (e.Tensor, e.Index)).ToHashSet();
        for (int t = 0; t < names.Length; t++)
        {
            float[] v = values[names[t]];
            for (int i = 0; i < v.Length; i++)
            {
                if (!keep.Contains((t, i)))
                {
                    v[i] = 0;
                }
            }
        }
    }

    private static void MaskColumns(
        ClientUpdate update, Dictionary<string, float[]> values, UpdateDefence defence, IReadOnlyList<bool>? pruned)
    {
        ParameterGradient weight = update[ClientUpdate.FcWeight];
        long width = weight.Shape[^1];
        if (pruned is null || pruned.Count != width)
        {
            throw new ArgumentException(
                $"soteria {defence.Strength}% needs a mask of the {width} embedding features " +
                $"(got {pruned?.Count ?? 0})");
        }

        float[] v = values[ClientUpdate.FcWeight];
        for (int i = 0; i < v.Length; i++)
        {
            if (pruned[(int)(i % width)])
            {
                v[i] = 0;
            }
        }
    }
}
