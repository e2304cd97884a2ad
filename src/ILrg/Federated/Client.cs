using ILrg.Data;
using ILrg.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ILrg.Federated;

/// <summary>A FedSGD client: the gradient of the batch-mean cross-entropy of one batch.</summary>
public static class Client
{
    /// <summary>Default number of images per forward chunk; memory is bounded by it, not by N.</summary>
    public const int DefaultChunkSize = 256;

    /// <summary>
    /// The final layer's gradient in closed form, from forward passes only (SPEC.md §1):
    /// g_b = (1/N) Σ_n (p_n − y_n), g_W = (1/N) Σ_n (p_n − y_n) h_nᵀ. Computed chunk by chunk in float32.
    /// </summary>
    /// <remarks>In <see cref="ClientMode.Train"/> BatchNorm normalises with batch statistics, so the whole batch is
    /// one chunk there (chunking would change the result).</remarks>
    public static ClientUpdate LastLayerClosedForm(
        Classifier model, Batch batch, ClientMode mode = ClientMode.Eval, int chunkSize = DefaultChunkSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        CheckClasses(model, batch);
        SetMode(model, mode);
        int n = batch.Size;
        int chunk = mode == ClientMode.Train ? n : chunkSize;
        long classes = model.Classes;
        Device device = ComputeDevice.Of(model);
        using var outer = NewDisposeScope();
        Tensor gb = zeros(classes, device: device);
        Tensor gw = zeros(classes, model.EmbeddingSize, device: device);
        using (no_grad())
        {
            for (int start = 0; start < n; start += chunk)
            {
                int count = Math.Min(chunk, n - start);
                using var scope = NewDisposeScope();
                using Tensor images = batch.Images(start, count);
                var (logits, embedding) = model.ForwardWithEmbedding(ComputeDevice.On(images, device));
                Tensor labels = ComputeDevice.On(batch.LabelTensor(start, count), device);
                Tensor diff = nn.functional.softmax(logits, 1) -
                              nn.functional.one_hot(labels, classes).to_type(ScalarType.Float32);
                gb.add_(diff.sum(dim: 0));
                gw.add_(diff.t().matmul(embedding));
            }
        }

        using (Scalar count = n.ToScalar()) // explicit and kept alive: TorchSharp does not keep implicit scalars alive
        {
            gb.div_(count);
            gw.div_(count);
        }

        var gradients = new Dictionary<string, ParameterGradient>
        {
            [ClientUpdate.FcWeight] = ToManaged(gw),
            [ClientUpdate.FcBias] = ToManaged(gb),
        };
        return new ClientUpdate(n, gradients);
    }

    /// <summary>Whole-model gradients by autograd (needed for image reconstruction).</summary>
    public static ClientUpdate FullGradient(Classifier model, Batch batch, ClientMode mode = ClientMode.Eval)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        CheckClasses(model, batch);
        SetMode(model, mode);
        using var scope = NewDisposeScope();
        var named = model.named_parameters().Where(p => p.parameter.requires_grad).ToList();
        Device device = ComputeDevice.Of(model);
        using Tensor images = batch.Images();
        Tensor loss = nn.functional.cross_entropy(
            model.forward(ComputeDevice.On(images, device)),
            ComputeDevice.On(batch.LabelTensor(0, batch.Size), device));
        var grads = autograd.grad([loss], named.Select(p => (Tensor)p.parameter).ToList());
        var gradients = new Dictionary<string, ParameterGradient>();
        for (int i = 0; i < named.Count; i++)
        {
            gradients[named[i].name] = ToManaged(grads[i]);
        }

        return new ClientUpdate(batch.Size, gradients);
    }

    /// <summary>Puts <paramref name="model"/> in the client's mode (train: BatchNorm batch statistics, Dropout on).</summary>
    public static void SetMode(Classifier model, ClientMode mode)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (mode == ClientMode.Train)
        {
            model.train();
        }
        else
        {
            model.eval();
        }
    }

    private static void CheckClasses(Classifier model, Batch batch)
    {
        if (batch.Dataset.Classes != model.Classes)
        {
            throw new ArgumentException(
                $"the model has {model.Classes} classes but the dataset {batch.Dataset.Name} has {batch.Dataset.Classes}");
        }

        if (batch.Size < 1)
        {
            throw new ArgumentException("the batch is empty (N must be at least 1)");
        }
    }

    private static ParameterGradient ToManaged(Tensor t)
    {
        using Tensor contiguous = t.detach().cpu().contiguous().to_type(ScalarType.Float32);
        return new ParameterGradient(t.shape.ToArray(), contiguous.data<float>().ToArray());
    }
}
