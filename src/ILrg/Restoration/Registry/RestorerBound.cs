namespace ILrg.Restoration.Registry;

/// <summary>Whether a registered method is an attack or a reference bound.</summary>
public enum RestorerBound
{
    /// <summary>A real attack.</summary>
    None,

    /// <summary>An upper bound (uses the truth): the oracle.</summary>
    Upper,

    /// <summary>A lower bound (ignores the gradients): the uniform-random guess.</summary>
    Lower,
}
