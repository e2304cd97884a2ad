using System.Globalization;
using System.Text;
using ILrg.Data;
using TorchSharp;

namespace ILrg.Models;

/// <summary>
/// What a checkpoint was saved for: the model's name, the input shape, the class count, the embedding width, every
/// leaf layer with its type (so activations, BatchNorm and Dropout count) and every saved tensor with its dtype and
/// shape. Two models with the same description have the same architecture; a checkpoint loads only into a model with
/// exactly its description.
/// </summary>
/// <remarks>
/// Stored as UTF-8 text, one entry per line, in this order: <c>model NAME</c>, <c>input CxHxW</c>, <c>classes C</c>,
/// <c>embedding D</c>, then <c>layer PATH TYPE</c> per leaf module and <c>tensor NAME DTYPE SHAPE</c> per parameter
/// and buffer (shape as <c>300x784</c>, <c>-</c> for a scalar), in the model's registration order.
/// </remarks>
public sealed class CheckpointDescription
{
    private CheckpointDescription(string text, IReadOnlyList<string> lines)
    {
        Text = text;
        Lines = lines;
    }

    /// <summary>The stored text.</summary>
    public string Text { get; }

    /// <summary>The text's lines.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The model name (first line).</summary>
    public string Model => Value("model");

    /// <summary>Describes <paramref name="model"/> built for images of <paramref name="inputShape"/>.</summary>
    public static CheckpointDescription Of(Classifier model, ImageShape inputShape)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputShape);
        var lines = new List<string>
        {
            "model " + model.GetName(),
            "input " + inputShape,
            Invariant($"classes {model.Classes}"),
            Invariant($"embedding {model.EmbeddingSize}"),
        };
        foreach ((string name, torch.nn.Module module) in model.named_modules())
        {
            if (name.Length > 0 && !module.children().Any())
            {
                lines.Add($"layer {name} {module.GetType().Name}");
            }
        }

        foreach ((string name, torch.Tensor tensor) in model.state_dict())
        {
            string shape = tensor.shape.Length == 0 ? "-" : string.Join("x", tensor.shape);
            lines.Add(Invariant($"tensor {name} {tensor.dtype} {shape}"));
        }

        return new CheckpointDescription(string.Join('\n', lines), lines);
    }

    /// <summary>Reads a stored description.</summary>
    /// <exception cref="InvalidDataException">Not valid UTF-8, or not in the layout above.</exception>
    public static CheckpointDescription Parse(ReadOnlySpan<byte> utf8)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException("the model description is not valid UTF-8", e);
        }

        string[] lines = text.Split('\n');
        string[] heads = ["model", "input", "classes", "embedding"];
        bool valid = lines.Length > heads.Length
                     && heads.Select((h, i) => lines[i].StartsWith(h + " ", StringComparison.Ordinal)).All(b => b)
                     && lines.Skip(heads.Length).All(l =>
                         (l.StartsWith("layer ", StringComparison.Ordinal) && l.Split(' ').Length == 3) ||
                         (l.StartsWith("tensor ", StringComparison.Ordinal) && l.Split(' ').Length == 4));
        return valid
            ? new CheckpointDescription(text, lines)
            : throw new InvalidDataException("the model description is malformed (expected model, input, classes, " +
                                             "embedding, then layer and tensor lines)");
    }

    /// <summary>One line for messages: name, input, classes, embedding, the layer types and the number of
    /// weights.</summary>
    public string Summary()
    {
        var kinds = Lines.Where(l => l.StartsWith("layer ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[2]).GroupBy(k => k, StringComparer.Ordinal)
            .Select(g => Invariant($"{g.Count()} {g.Key}"));
        long weights = Lines.Where(l => l.StartsWith("tensor ", StringComparison.Ordinal))
            .Sum(l => l.Split(' ')[3] == "-" ? 1L : l.Split(' ')[3].Split('x').Aggregate(1L, (a, d) =>
                long.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out long v) ? a * v : a));
        return $"{Model} for {Value("input")} images, {Value("classes")} classes, embedding {Value("embedding")}, " +
               $"layers {string.Join(", ", kinds)}, {Invariant($"{weights}")} values in tensors";
    }

    /// <summary>The first line where the two descriptions differ, as <c>'this line' vs 'other line'</c> ("" when
    /// equal).</summary>
    public string FirstDifference(CheckpointDescription other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (int i = 0; i < Math.Max(Lines.Count, other.Lines.Count); i++)
        {
            string mine = i < Lines.Count ? Lines[i] : "(nothing)";
            string theirs = i < other.Lines.Count ? other.Lines[i] : "(nothing)";
            if (mine != theirs)
            {
                return $"'{mine}' vs '{theirs}'";
            }
        }

        return "";
    }

    /// <summary>The UTF-8 bytes of <see cref="Text"/>.</summary>
    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(Text);

    /// <summary>True when both describe the same architecture.</summary>
    public bool SameAs(CheckpointDescription other) => other is not null && Text == other.Text;

    private string Value(string key) =>
        Lines.First(l => l.StartsWith(key + " ", StringComparison.Ordinal))[(key.Length + 1)..];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
