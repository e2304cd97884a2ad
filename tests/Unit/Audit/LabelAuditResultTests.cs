using System.Text.Json;
using ILrg.Audit;
using ILrg.Restoration;
using ILrg.Testing;
using NUnit.Framework;

namespace ILrg.Tests.Unit.Audit;

/// <summary>The shape of an audit's answer: every method, the agreement between them, and its JSON form.</summary>
public sealed class LabelAuditResultTests
{
    private static readonly int[] Truth = [2, 0, 4, 1, 0, 0, 3, 0];

    private static LastLayerObservation Exact() => ObservationBuilder.SharedEmbedding(Truth, embeddingSize: 6, seed: 9);

    [Test]
    public void Run_DefaultOptions_RunsEveryAvailableMethodIlrgFirst()
    {
        LabelAuditResult r = LabelAudit.Run(Exact());

        Assert.Multiple(() =>
        {
            Assert.That(r.Methods.Select(m => m.Method), Is.EqualTo(LabelAudit.AvailableMethods));
            Assert.That(r.Methods[0].Method, Is.EqualTo("ilrg"));
            Assert.That(r.Methods.All(m => m.Counts.Count == Truth.Length), Is.True);
            Assert.That(LabelAudit.AvailableMethods,
                Is.SupersetOf(new[] { "ilrg-estimate", "ilrg-mip", "idlg", "svd", "ebi" }));
            Assert.That(LabelAudit.AvailableMethods, Has.None.EqualTo("oracle").And.None.EqualTo("llg+"));
        });
    }

    [Test]
    public void Run_ChosenMethods_AddsIlrgInFrontAndKeepsTheOrder()
    {
        LabelAuditResult r = LabelAudit.Run(Exact(), new LabelAuditOptions(Methods: ["ebi", "gi"]));

        Assert.Multiple(() =>
        {
            Assert.That(r.Methods.Select(m => m.Method), Is.EqualTo(new[] { "ilrg", "ebi", "gi" }));
            Assert.That(r.Method("gi").InstanceWise, Is.False);
            Assert.That(r.Method("gi").Solution, Is.Null);
            Assert.That(r.Method("gi").Certificate.BiasResidual, Is.Null,
                "class-wise: no counts to re-synthesise from");
            Assert.That(r.Method("ilrg").Solution, Has.Count.EqualTo(Truth.Length));
        });
    }

    [Test]
    public void Method_NotRun_ThrowsNamingWhatRan()
    {
        LabelAuditResult r = LabelAudit.Run(Exact(), new LabelAuditOptions(Methods: ["ilrg"]));

        Assert.That(() => r.Method("svd"), Throws.TypeOf<KeyNotFoundException>().With.Message.Contains("it ran ilrg"));
    }

    [Test]
    public void Agreement_MethodsDifferingOnOneClass_NameThatClass()
    {
        AuditCertificate c = new(null, null, null, null, 0, null, null, null, null, 1);
        MethodAudit[] methods =
        [
            new("a", true, [2, 0, 1], null, c),
            new("b", true, [2, 0, 2], null, c),
            new("c", false, [1, 0, 1], null, c),
        ];

        MethodAgreement agreement = MethodAgreement.Of(methods);

        Assert.Multiple(() =>
        {
            Assert.That(agreement.InstanceWiseMethods, Is.EqualTo(new[] { "a", "b" }));
            Assert.That(agreement.CountDisagreements, Is.EqualTo(new[] { 2 }));
            Assert.That(agreement.CountAgreement, Is.EqualTo(2.0 / 3).Within(1e-12));
            Assert.That(agreement.PresenceDisagreements, Is.Empty);
            Assert.That(agreement.PresenceAgreement, Is.EqualTo(1.0));
        });
    }

    [Test]
    public void Certificate_AgreementWithPrimary_ComparesCountsOrPresence()
    {
        LabelAuditResult r = LabelAudit.Run(Exact(), new LabelAuditOptions(Methods: ["ilrg-estimate", "gi"]));

        Assert.Multiple(() =>
        {
            Assert.That(r.Method("ilrg").Certificate.AgreementWithPrimary, Is.EqualTo(1.0));
            double expected = Enumerable.Range(0, Truth.Length)
                .Count(i => r.Method("ilrg-estimate").Counts[i] == Truth[i]) / (double)Truth.Length;
            Assert.That(r.Method("ilrg-estimate").Certificate.AgreementWithPrimary, Is.EqualTo(expected).Within(1e-12));
        });
    }

    [Test]
    public void Run_SameInputTwice_GivesIdenticalResults()
    {
        string Json() => JsonSerializer.Serialize(LabelAudit.Run(Exact()), JsonSerializerOptions.Web);

        Assert.That(Json(), Is.EqualTo(Json()));
    }

    [Test]
    public void Serialize_WebDefaults_HasTheReportFieldNames()
    {
        LabelAuditResult r = LabelAudit.Run(Exact(), new LabelAuditOptions(Methods: ["ilrg", "idlg"]));

        using JsonDocument json = JsonDocument.Parse(JsonSerializer.Serialize(r, JsonSerializerOptions.Web));
        JsonElement root = json.RootElement;
        JsonElement first = root.GetProperty("methods")[0];

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("batchSize").GetInt32(), Is.EqualTo(Truth.Sum()));
            Assert.That(root.GetProperty("classes").GetInt32(), Is.EqualTo(Truth.Length));
            Assert.That(root.GetProperty("verdict").GetString(), Is.EqualTo(r.Verdict));
            Assert.That(first.GetProperty("method").GetString(), Is.EqualTo("ilrg"));
            Assert.That(first.GetProperty("counts").EnumerateArray().Select(e => e.GetInt32()), Is.EqualTo(Truth));
            Assert.That(first.GetProperty("solution").GetArrayLength(), Is.EqualTo(Truth.Length));
            Assert.That(first.GetProperty("certificate").GetProperty("minBoundaryDistance").GetDouble(),
                Is.GreaterThan(0.49));
            Assert.That(root.GetProperty("methods")[1].GetProperty("solution").ValueKind,
                Is.EqualTo(JsonValueKind.Null));
            Assert.That(root.TryGetProperty("counts", out _), Is.False, "the convenience property stays out of JSON");
        });
    }
}
