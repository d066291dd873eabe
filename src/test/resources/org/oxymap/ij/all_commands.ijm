// Test harness (ImageJBatchTest): every OxyMap command of plain ImageJ 1.x on the bundled test image, through
// the scripts users get. Argument: scripts folder|input folder|output folder (each ending in /).
parts = split(getArgument(), "|");
scripts = parts[0];
dir = parts[1];
out = parts[2];
runMacro(scripts + "oxymap_steps.ijm", dir + "|" + out + "steps/");
print("STEPS DONE");
// particles from the ROI Manager: the outlines the steps' labels carry in their overlay
open(out + "steps/labels.tif");
run("To ROI Manager");
open(out + "steps/fraction_Mn3.tif");
open(out + "steps/thickness.tif");
run("OxyMap Edge-Distance Profiles", "labels=[ROI Manager] fraction=fraction_Mn3.tif thickness=thickness.tif bin_nm=0 section_nm=80 probe_fwhm_nm=0 min_area_nm2=2000 max_area_nm2=0 min_solidity=0.9 min_circularity=0.7 exclude_touching touching_counts_as_edge subpixel_edge");
selectImage("distance");
saveAs("Tiff", out + "roi_manager_distance.tif");
Table.save(out + "roi_manager_profiles.csv", "OxyMap Profiles");
run("OxyMap Run Pipeline", "stack=[" + dir + "stack.tif] energies=[] references=[" + dir + "references/Mn2.csv," + dir + "references/Mn3.csv," + dir + "references/Mn4.csv] out=[" + out + "pipeline_roi_manager] time_s=1000000 section_nm=80 bin_nm=0 background=constant threshold=noise min_area_nm2=2000 probe_fwhm_nm=0 deconvolve_probe particles=[ROI Manager]");
print("ROI MANAGER DONE");
runMacro(scripts + "oxymap_pipeline.ijm", dir + "|" + out + "pipeline");
print("PIPELINE DONE");
run("OxyMap Generate Phantom", "out=[" + out + "phantom] seed=5 size=48 noise=0");
print("PHANTOM DONE");
run("OxyMap Stoichiometry", "formula=Li1.18Ni0.21Mn0.53Co0.08O2 pristine=[Ni=2,Mn=4,Co=3] cycled=[Ni=2,Co=2.9] uncertainty=[Mn=0.02] valence_map=[" + out + "steps/valence.tif] mask=[" + out + "steps/mask.tif] thickness=[" + out + "steps/thickness.tif] li_tm=1.30 li_tm_uncertainty=0.02 json=[" + out + "stoichiometry.json]");
print("STOICHIOMETRY DONE");
print("ALL COMMANDS DONE");
