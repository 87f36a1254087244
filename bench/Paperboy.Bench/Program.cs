using Paperboy.Bench;

var arguments = BenchArguments.Parse(args, out var error);
if (arguments is null)
{
    Console.Error.WriteLine(error);
    return 2;
}

using var scratch = new ScratchDirectory();
object result = arguments.Verb switch
{
    "import" => await ImportBenchmark.RunAsync(arguments, scratch, Console.Error, CancellationToken.None),
    "embed-wordvectors" => await WordVectorsBenchmark.RunAsync(arguments, scratch, Console.Error, CancellationToken.None),
    "digest" => await DigestBenchmark.RunAsync(arguments, scratch, Console.Error, CancellationToken.None),
    "engine" => await EngineBenchmark.RunAsync(arguments, scratch, Console.Error, CancellationToken.None),
    "vectors" => VectorBenchmark.Run(arguments, scratch, Console.Error),
    "embed-transformer" => await TransformerBenchmark.RunAsync(arguments, scratch, Console.Error, CancellationToken.None),
    _ => await SearchBenchmark.RunAsync(arguments, scratch, Console.Error, CancellationToken.None),
};
Console.Out.Write(arguments.Json ? Report.Json(result) : Report.Table(result));
return 0;
