using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SoraStudio.Web.Data;
using SoraStudio.Web.Generation;

namespace SoraStudio.Web.Tests.TestSupport;

/// <summary>Waits on takes as stored, so it sees the work of every studio process on the database.</summary>
public static class StoredTakes
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task<List<Take>> AllAsync(StudioTestHost host)
    {
        await using var db = await host.DbAsync();
        return await db.Takes.AsNoTracking().Include(t => t.Clips).OrderBy(t => t.Id).ToListAsync();
    }

    public static async Task<List<Take>> WaitUntilAsync(StudioTestHost host, Func<List<Take>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var takes = await AllAsync(host);
            if (done(takes))
                return takes;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("Takes did not reach the expected states in time:\n" + Describe(takes));
            await Task.Delay(50);
        }
    }

    public static Task<List<Take>> WaitUntilFinishedAsync(StudioTestHost host, int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(host, takes => takes.Count == count && takes.All(t => !TakeStateMachine.IsActive(t.Status)), timeout);

    public static string Describe(IEnumerable<Take> takes)
    {
        var text = new StringBuilder();
        foreach (var t in takes)
            text.AppendLine(CultureInfo.InvariantCulture, $"take {t.Id}: {t.Status} video={t.VideoId} attempts={t.Attempts} polls={t.Polls} class={t.FailureClass} error={t.ErrorMessage}");
        return text.ToString();
    }
}
