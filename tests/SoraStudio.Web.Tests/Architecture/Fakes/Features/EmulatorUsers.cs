using SoraStudio.Emulator;

namespace SoraStudio.Web.Tests.Architecture.Fakes.Features;

// Violations for ArchitectureRulesTests: a "feature" that uses the emulator, in a signature and in code only.

internal static class EmulatorInSignature
{
    public static int Count(EmulatorJobs jobs) => jobs.GetHashCode();
}

internal static class EmulatorInCodeOnly
{
    public static string Name() => typeof(EmulatorJobs).Name;
}

internal static class NoEmulator
{
    public static string Name() => nameof(NoEmulator);
}
