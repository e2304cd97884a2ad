using ILrg.Inversion;

namespace ILrg.Trials;

/// <summary>One gradient-inversion experiment: trial 0 of an <see cref="ExperimentSpec"/> (batch, fresh model,
/// whole-model update, restored labels), an inverter and its settings.</summary>
/// <param name="Experiment">Data, model, batch, seed, client mode; its method restores the labels of the
/// <see cref="LabelMode.ILrg"/> mode.</param>
/// <param name="Inverter">ig or dlg (<see cref="Inverters"/>).</param>
/// <param name="Settings">The inverter's settings (its seed is replaced by one derived from the experiment's
/// seed).</param>
public sealed record InversionSpec(ExperimentSpec Experiment, string Inverter, InversionSettings Settings);
