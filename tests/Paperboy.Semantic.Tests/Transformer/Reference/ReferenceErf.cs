namespace Paperboy.Semantic.Tests.Transformer.Reference;

/// <summary>
/// erf in double precision by textbook series, for the reference model only: the Maclaurin series
/// below 3, the continued fraction for erfc (Abramowitz and Stegun 7.1.14) above.
/// </summary>
internal static class ReferenceErf
{
    public static double Erf(double x)
    {
        if (x < 0)
            return -Erf(-x);
        if (x < 3)
        {
            // erf x = 2/√π Σ (-1)^n x^(2n+1) / (n! (2n+1))
            double sum = 0, term = x;
            for (var n = 0; n < 200; n++)
            {
                sum += term / (2 * n + 1);
                term *= -x * x / (n + 1);
                if (Math.Abs(term) < 1e-20)
                    break;
            }
            return 2 / Math.Sqrt(Math.PI) * sum;
        }
        // erfc x = e^(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))
        double fraction = x;
        for (var k = 80; k >= 1; k--)
            fraction = x + k / 2.0 / fraction;
        return 1 - Math.Exp(-x * x) / Math.Sqrt(Math.PI) / fraction;
    }
}
