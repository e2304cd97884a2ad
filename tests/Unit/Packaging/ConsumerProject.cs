namespace ILrg.Tests.Unit.Packaging;

/// <summary>Writes a console project that uses the ILrg package as a stranger would: its own folder, its own
/// nuget.config adding the local feed to the normal sources, no file of this repository above it.</summary>
internal static class ConsumerProject
{
    public static void Write(string folder, string feed, string version, int[] truth)
    {
        Directory.CreateDirectory(folder);
        // Stop MSBuild's upward search for Directory.*.props/targets: nothing from the folders above may leak in.
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="ilrg-local" value="{feed}" />
              </packageSources>
            </configuration>

            """);
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <!-- Links instead of 2 GB of copies of libtorch; the fix-up must then replace the linked
                     libLibTorchSharp.so rather than edit it, or it would edit the NuGet cache's copy. -->
                <CreateHardLinksForCopyLocalIfPossible>true</CreateHardLinksForCopyLocalIfPossible>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ILrg" Version="{version}" />
              </ItemGroup>
            </Project>

            """);
        // A batch whose samples share one embedding h makes iLRG exact (SPEC.md §2): g_b = softmax(W h + b) − k/N,
        // g_W = g_b hᵀ. Computed here in plain C#, independently of the library.
        File.WriteAllText(Path.Combine(folder, "Program.cs"), $$"""
            using ILrg.Audit;

            int[] truth = [{{string.Join(", ", truth)}}];
            int c = truth.Length, d = 8, n = truth.Sum();
            var rng = new Random(7);
            double[] w = Enumerable.Range(0, c * d).Select(_ => rng.NextDouble() * 0.2 - 0.1).ToArray();
            double[] b = Enumerable.Range(0, c).Select(_ => rng.NextDouble() * 0.2 - 0.1).ToArray();
            double[] h = Enumerable.Range(0, d).Select(_ => rng.NextDouble()).ToArray();
            double[] z = Enumerable.Range(0, c)
                .Select(i => b[i] + Enumerable.Range(0, d).Sum(r => w[i * d + r] * h[r])).ToArray();
            double[] e = z.Select(v => Math.Exp(v - z.Max())).ToArray();
            double[] gb = Enumerable.Range(0, c).Select(i => e[i] / e.Sum() - (double)truth[i] / n).ToArray();
            double[] gw = Enumerable.Range(0, c * d).Select(k => gb[k / d] * h[k % d]).ToArray();

            LabelAuditResult result = LabelAudit.Run(w, b, gw, gb, n);
            Console.WriteLine("counts " + string.Join(",", result.Counts));
            Console.WriteLine(result.Verdict);
            return result.Counts.SequenceEqual(truth) ? 0 : 1;

            """);
    }
}
