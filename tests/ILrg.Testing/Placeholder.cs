namespace ILrg.Testing;
