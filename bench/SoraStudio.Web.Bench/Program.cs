using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process: the studio's services run in this process, as they do in the app (no generated project to build).
var config = DefaultConfig.Instance.AddJob(Job.Default
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithWarmupCount(3)
    .WithIterationCount(10));
BenchmarkSwitcher.FromAssembly(typeof(SoraStudio.Web.Bench.GalleryQueriesBenchmark).Assembly).Run(args, config);
