using System.CommandLine;

namespace ILrg.Cli.Options;

/// <summary>A group of options that adds itself to a command; each group binds the parsed values to a record.</summary>
public interface IOptionGroup
{
    /// <summary>The group's options.</summary>
    IEnumerable<Option> Options { get; }
}

/// <summary>Adds option groups to commands.</summary>
public static class OptionGroups
{
    /// <summary>Adds every option of every group to <paramref name="command"/>; returns it.</summary>
    public static Command With(this Command command, params IOptionGroup[] groups)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (Option option in groups.SelectMany(g => g.Options))
        {
            command.Options.Add(option);
        }

        return command;
    }
}
