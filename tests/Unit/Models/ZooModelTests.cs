using ILrg.Data;
using ILrg.Models;
using NUnit.Framework;
using static TorchSharp.torch;

namespace ILrg.Tests.Unit.Models;

/// <summary>VGG and CIFAR-style ResNet against parameter counts worked out by hand from SPEC.md §5 (C = 100).</summary>
/// <remarks>
/// Counting rules (trainable parameters only; BN running statistics are buffers):
/// Conv3×3 with bias + BN (VGG): in·out·9 + out + 2·out. Conv without bias + BN (ResNet): in·out·k² + 2·out.
/// Linear: in·out + out.
///
/// VGG, conv part (block widths 64,128,256,512,512; each conv adds 3·out):
///  VGG-11 {1,1,2,2,2}: 3·64·9+192 = 1,920; 64·128·9+384 = 74,112; 128·256·9+768 = 295,680; 256·256·9+768 = 590,592;
///    256·512·9+1,536 = 1,181,184; 512·512·9+1,536 = 2,360,832 (×3 more: block 4 second, block 5 ×2)
///    = 1,920+74,112+295,680+590,592+1,181,184+3·2,360,832 = 9,225,984.
///  VGG-13 {2,2,2,2,2}: 1,920 + 64·64·9+192 (=37,056) + 74,112 + 128·128·9+384 (=147,840) + 295,680 + 590,592
///    + 1,181,184 + 3·2,360,832 = 9,410,880.
///  VGG-16 {2,2,3,3,3}: VGG-13 + one 256→256 (590,592) + two 512→512 (2·2,360,832) = 14,723,136.
///  VGG-19 {2,2,4,4,4}: VGG-16 + 590,592 + 2·2,360,832 = 20,035,392.
/// VGG head at 32×32 (flatten 512): 512·4096+4096 = 2,101,248; 4096·4096+4096 = 16,781,312; fc 4096·100+100 = 409,700;
///  sum 19,292,260. At 224×224 (flatten 25,088): 25,088·4096+4096 = 102,764,544 + 16,781,312 + 409,700 = 119,955,556.
///
/// ResNet: stem 3·64·9 + 128 = 1,856.
///  Basic block: 2·(9p² + 2p) as identity block; the first block of a stage that changes width or stride has
///  9·in·p + 2p + 9p² + 2p + (projection) in·p + 2p.
///    stage1 (64→64, no projection) 2·(36,864+128) = 73,984 per block;
///    stage2 first (64→128) 73,728+256 + 147,456+256 + 8,192+256 = 230,144; next 2·(147,456+256) = 295,424;
///    stage3 first (128→256) 294,912+512 + 589,824+512 + 32,768+512 = 919,040; next 2·(589,824+512) = 1,180,672;
///    stage4 first (256→512) 1,179,648+1,024 + 2,359,296+1,024 + 131,072+1,024 = 3,673,088;
///      next 2·(2,359,296+1,024) = 4,720,640; fc 512·100+100 = 51,300.
///    ResNet-18 [2,2,2,2]: 1,856 + 147,968 + 525,568 + 2,099,712 + 8,393,728 + 51,300 = 11,220,132.
///    ResNet-34 [3,4,6,3]: 1,856 + 3·73,984 + (230,144+3·295,424) + (919,040+5·1,180,672) + (3,673,088+2·4,720,640)
///      + 51,300 = 1,856 + 221,952 + 1,116,416 + 6,822,400 + 13,114,368 + 51,300 = 21,328,292.
///  Bottleneck block (in→p→p→4p): in·p + 2p + 9p² + 2p + 4p² + 8p; projection in·4p + 8p.
///    stage1 first (64→64→256): 4,096+128 + 36,864+128 + 16,384+512 + 16,384+512 = 75,008; next (256→…): 16,384+128
///      + 36,864+128 + 16,384+512 = 70,400.
///    stage2 first (256→128→512, stride 2): 32,768+256 + 147,456+256 + 65,536+1,024 + 131,072+1,024 = 379,392;
///      next: 65,536+256 + 147,456+256 + 65,536+1,024 = 280,064.
///    stage3 first (512→256→1024): 131,072+512 + 589,824+512 + 262,144+2,048 + 524,288+2,048 = 1,512,448;
///      next: 262,144+512 + 589,824+512 + 262,144+2,048 = 1,117,184.
///    stage4 first (1024→512→2048): 524,288+1,024 + 2,359,296+1,024 + 1,048,576+4,096 + 2,097,152+4,096 = 6,039,552;
///      next: 1,048,576+1,024 + 2,359,296+1,024 + 1,048,576+4,096 = 4,462,592.
///    fc 2048·100+100 = 204,900.
///    ResNet-50 [3,4,6,3]: 1,856 + (75,008+2·70,400) + (379,392+3·280,064) + (1,512,448+5·1,117,184)
///      + (6,039,552+2·4,462,592) + 204,900
///      = 1,856 + 215,808 + 1,219,584 + 7,098,368 + 14,964,736 + 204,900 = 23,705,252.
///    ResNet-101 [3,4,23,3]: stage3 1,512,448 + 22·1,117,184 = 26,090,496 → 23,705,252 + 17·1,117,184 = 42,697,380.
///    ResNet-152 [3,8,36,3]: ResNet-101 + 4·280,064 (stage2) + 13·1,117,184 (stage3) = 42,697,380 + 1,120,256
///      + 14,523,392 = 58,341,028.
/// </remarks>
public sealed class ZooModelTests
{
    private static readonly ImageShape Cifar = new(3, 32, 32);

    [TestCase("vgg11", 9_225_984L + 19_292_260L)]
    [TestCase("vgg13", 9_410_880L + 19_292_260L)]
    [TestCase("vgg16", 14_723_136L + 19_292_260L)]
    [TestCase("vgg19", 20_035_392L + 19_292_260L)]
    [TestCase("resnet18", 11_220_132L)]
    [TestCase("resnet34", 21_328_292L)]
    [TestCase("resnet50", 23_705_252L)]
    [TestCase("resnet101", 42_697_380L)]
    [TestCase("resnet152", 58_341_028L)]
    public void ParameterCount_At32x32With100Classes_MatchesHandCount(string name, long expected)
    {
        using var generator = new Generator(1);
        using Classifier model = ModelZoo.Create(new ModelSpec(name), Cifar, 100, generator);

        Assert.That(model.parameters().Sum(p => p.numel()), Is.EqualTo(expected));
    }

    [TestCase("vgg11", 4096)]
    [TestCase("vgg13", 4096)]
    [TestCase("vgg16", 4096)]
    [TestCase("vgg19", 4096)]
    [TestCase("resnet18", 512)]
    [TestCase("resnet34", 512)]
    [TestCase("resnet50", 2048)]
    [TestCase("resnet101", 2048)]
    [TestCase("resnet152", 2048)]
    public void EmbeddingSize_ByArchitecture_IsFcInputWidth(string name, long width)
    {
        using var generator = new Generator(1);
        using Classifier model = ModelZoo.Create(new ModelSpec(name), Cifar, 100, generator);

        Assert.That(model.EmbeddingSize, Is.EqualTo(width));
    }

    [Test]
    public void Vgg11_At224x224_HeadTakes25088Inputs()
    {
        using var generator = new Generator(1);
        using Classifier model = ModelZoo.Create(new ModelSpec("vgg11"), new ImageShape(3, 224, 224), 100, generator);

        // Conv part 9,225,984 + head at 224×224 119,955,556 (see the class remarks).
        Assert.That(model.parameters().Sum(p => p.numel()), Is.EqualTo(9_225_984L + 119_955_556L));
    }

    [TestCase("vgg11")]
    [TestCase("resnet18")]
    public void Embed_TwoCifarImages_GivesOneEmbeddingRowEach(string name)
    {
        using var generator = new Generator(1);
        using Classifier model = ModelZoo.Create(new ModelSpec(name), Cifar, 100, generator);
        model.eval();
        using var scope = NewDisposeScope();

        var (logits, embedding) = model.ForwardWithEmbedding(randn(2, 3, 32, 32));

        Assert.Multiple(() =>
        {
            Assert.That(embedding.shape, Is.EqualTo(new[] { 2L, model.EmbeddingSize }));
            Assert.That(logits.shape, Is.EqualTo(new[] { 2L, 100L }));
        });
    }

    [Test]
    public void Create_SameSeed_GivesIdenticalWeights()
    {
        using var g1 = new Generator(7);
        using var g2 = new Generator(7);
        using Classifier a = ModelZoo.Create(new ModelSpec("resnet18"), Cifar, 10, g1);
        using Classifier b = ModelZoo.Create(new ModelSpec("resnet18"), Cifar, 10, g2);

        bool same = a.parameters().Zip(b.parameters()).All(p => p.First.equal(p.Second).all().item<bool>());

        Assert.That(same, Is.True);
    }

    [Test]
    public void Create_VggWithDropout_TrainModeChangesEmbeddingEvalDoesNot()
    {
        using var generator = new Generator(3);
        using Classifier model = ModelZoo.Create(new ModelSpec("vgg11", Dropout: true), Cifar, 10, generator);
        using var scope = NewDisposeScope();
        Tensor x = randn(new long[] { 2, 3, 32, 32 }, generator: generator);

        model.eval();
        bool evalStable = model.Embed(x).equal(model.Embed(x)).all().item<bool>();
        model.train();
        bool trainStable = model.Embed(x).equal(model.Embed(x)).all().item<bool>();

        Assert.Multiple(() =>
        {
            Assert.That(evalStable, Is.True);
            Assert.That(trainStable, Is.False);
        });
    }

    [TestCase("vgg12")]
    [TestCase("resnet20")]
    public void Create_UnknownDepth_Throws(string name)
    {
        using var generator = new Generator(1);

        Assert.That(() => ModelZoo.Create(new ModelSpec(name), Cifar, 10, generator),
            Throws.InstanceOf<ArgumentException>());
    }
}
