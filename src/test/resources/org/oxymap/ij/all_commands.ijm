// Test harness (ImageJBatchTest): every OxyMap command of plain ImageJ 1.x on the bundled test image, through
// the scripts users get. Argument: scripts folder|input folder|output folder (each ending in /).
parts = split(getArgument(), "|");
scripts = parts[0];
dir = parts[1];
out = parts[2];
runMacro(scripts + "oxymap_steps.ijm", dir + "|" + out + "steps/");
print("STEPS DONE");
runMacro(scripts + "oxymap_pipeline.ijm", dir + "|" + out + "pipeline");
print("PIPELINE DONE");
run("OxyMap Generate Phantom", "out=[" + out + "phantom] seed=5 size=48 noise=0");
print("PHANTOM DONE");
run("OxyMap Stoichiometry", "formula=Li1.18Ni0.21Mn0.53Co0.08O2 pristine=[Ni=2,Mn=4,Co=3] cycled=[Ni=2,Co=2.9] uncertainty=[Mn=0.02] valence_map=[" + out + "steps/valence.tif] mask=[" + out + "steps/mask.tif] thickness=[" + out + "steps/thickness.tif] li_tm=1.30 li_tm_uncertainty=0.02 json=[" + out + "stoichiometry.json]");
print("STOICHIOMETRY DONE");
print("ALL COMMANDS DONE");
