using System.Globalization;

namespace Paperboy.Bench;

/// <summary>
/// The system load average over 1, 5 and 15 minutes (as <c>uptime</c> prints it), read at the end of
/// each phase: the machine is shared, and every figure is only as good as the load it ran under.
/// </summary>
internal sealed record LoadAverage(double OneMinute, double FiveMinutes, double FifteenMinutes)
{
    /// <summary>From /proc/loadavg; null where there is none (not Linux).</summary>
    public static LoadAverage? Read()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return new LoadAverage(Parse(fields[0]), Parse(fields[1]), Parse(fields[2]));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{OneMinute:F2}, {FiveMinutes:F2}, {FifteenMinutes:F2}");

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
