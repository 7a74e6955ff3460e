using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using SoraStudio.Web.Bench;

// In-process: the studio's services run in this process, as they do in the app (no generated project to build).
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10))
    .AddColumn(StatisticColumn.Min, StatisticColumn.Median, StatisticColumn.Max);
BenchmarkSwitcher.FromAssembly(typeof(GalleryQueriesBenchmark).Assembly).Run(args, config);
