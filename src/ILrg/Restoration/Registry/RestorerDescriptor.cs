namespace ILrg.Restoration.Registry;

/// <summary>A registered restoration method: its name, what it needs, what it promises, and its factory.</summary>
/// <param name="Name">Name on the command line and in reports.</param>
/// <param name="Summary">One line for help and reports.</param>
/// <param name="Inputs">What the factory reads from the <see cref="RestorerContext"/>.</param>
/// <param name="InstanceWise">True when it restores counts, false when it only decides presence.</param>
/// <param name="SumsToN">True when its counts always sum to N.</param>
/// <param name="ClassEquivariant">True when relabelling the classes relabels its output the same way.</param>
/// <param name="Bound">Attack, or an upper/lower reference bound.</param>
/// <param name="Factory">Builds the restorer for one trial.</param>
public sealed record RestorerDescriptor(
    string Name,
    string Summary,
    RestorerInputs Inputs,
    bool InstanceWise,
    bool SumsToN,
    bool ClassEquivariant,
    RestorerBound Bound,
    Func<RestorerContext, ILabelRestorer> Factory)
{
    /// <summary>Builds the restorer, checking the context holds every declared input.</summary>
    /// <exception cref="ArgumentException">A declared input is missing from <paramref name="context"/>.</exception>
    public ILabelRestorer Create(RestorerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Inputs.HasFlag(RestorerInputs.Model) && (context.Model is null || context.InputShape is null))
        {
            throw new ArgumentException($"method '{Name}' needs the model and its input shape");
        }

        if (Inputs.HasFlag(RestorerInputs.AuxiliaryData) && (context.Model is null || context.Auxiliary is null))
        {
            throw new ArgumentException($"method '{Name}' needs the model and auxiliary images");
        }

        if (Inputs.HasFlag(RestorerInputs.LocalHyperParameters) && context.Local is null)
        {
            throw new ArgumentException(
                $"method '{Name}' needs the client's local hyper-parameters (protocol, lr, epochs, local batch, " +
                "momentum), which this threat model withholds");
        }

        if (Inputs.HasFlag(RestorerInputs.Truth) && context.TrueCounts is null)
        {
            throw new ArgumentException($"method '{Name}' is an upper bound and needs the trial's true counts");
        }

        return Factory(context);
    }
}
