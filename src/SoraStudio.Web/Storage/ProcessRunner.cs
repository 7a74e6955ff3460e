using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace SoraStudio.Web.Storage;

/// <summary>How a program exited and what it wrote (of standard error, the tail only).</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>
/// Runs a program (ffmpeg, ffprobe) from an argument list, without a shell, within a timeout; on timeout or
/// cancellation the process tree is killed.
/// </summary>
public static class ProcessRunner
{
    private const int KeptErrorChars = 32 * 1024;

    /// <summary>The program's result; null when it is not installed. Throws <see cref="TimeoutException"/> past <paramref name="timeout"/>.</summary>
    public static async Task<ProcessResult?> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            return null;
        }
        // ffmpeg reads keys from standard input; closed, no stray 'q' can stop it.
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = TailAsync(process.StandardError);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            // The pipes close with the process: the readers finish before the process is disposed.
            await process.WaitForExitAsync(CancellationToken.None);
            await Task.WhenAll(output, errors);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{Path.GetFileName(program)} did not finish within {timeout.TotalSeconds:0.#} s.");
        }
        return new ProcessResult(process.ExitCode, await output, await errors);
    }

    /// <summary>Standard error's last lines: ffmpeg can be chatty, and only the end explains a failure.</summary>
    private static async Task<string> TailAsync(StreamReader reader)
    {
        var tail = new StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            tail.AppendLine(line);
            if (tail.Length > 2 * KeptErrorChars)
                tail.Remove(0, tail.Length - KeptErrorChars);
        }
        return tail.ToString();
    }
}
