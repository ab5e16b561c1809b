global using Range = ScenarioDsl.LanguageServer.Protocol.Range;
