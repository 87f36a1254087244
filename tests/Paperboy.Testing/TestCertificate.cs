using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Paperboy.Testing;

/// <summary>
/// A self-signed server certificate for 127.0.0.1 and localhost, made at test time (no openssl, no
/// network), written as PEM files for <see cref="SmtpServer.StartAsync(IEnumerable{string}?, IEnumerable{string}?, ValueTuple{string, string}?, string?, TimeSpan?)"/>.
/// No system trusts it, so a client accepts it only when told to: <see cref="IsThis"/> compares exactly.
/// </summary>
public sealed class TestCertificate : IDisposable
{
    private TestCertificate(X509Certificate2 certificate, string directory)
    {
        Certificate = certificate;
        Directory = directory;
        CertificatePath = Path.Combine(directory, "server.crt");
        KeyPath = Path.Combine(directory, "server.key");
    }

    public X509Certificate2 Certificate { get; }

    public string Directory { get; }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    /// <summary>The pair <see cref="SmtpServer.StartAsync(IEnumerable{string}?, IEnumerable{string}?, ValueTuple{string, string}?, string?, TimeSpan?)"/> takes as its tls argument.</summary>
    public (string Certificate, string Key) Files => (CertificatePath, KeyPath);

    public static TestCertificate Create(string commonName = "Paperboy test SMTP server")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        // id-kp-serverAuth (RFC 5280 section 4.2.1.12): .NET's chain check asks for it on a server certificate.
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        string directory = Path.Combine(Path.GetTempPath(), $"paperboy-cert-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        var made = new TestCertificate(certificate, directory);
        File.WriteAllText(made.CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(made.KeyPath, key.ExportPkcs8PrivateKeyPem());
        return made;
    }

    /// <summary>True when <paramref name="presented"/> is exactly this certificate.</summary>
    public bool IsThis(X509Certificate? presented) =>
        presented is not null && presented.GetCertHashString(HashAlgorithmName.SHA256) == Certificate.GetCertHashString(HashAlgorithmName.SHA256);

    public void Dispose()
    {
        Certificate.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory left behind harms nothing.
        }
    }
}
