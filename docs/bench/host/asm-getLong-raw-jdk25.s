    7fc263f10e80:xchg   ax,ax
    7fc263f10e82:mov    r10d,DWORD PTR [rsi+0x8]
    7fc263f10e86:cmp    r10d,DWORD PTR [rax+0x8]
    7fc263f10e8a:jne    0x7fc2639865e0
    7fc263f10e90:mov    DWORD PTR [rsp-0x14000],eax
    7fc263f10e97:push   rbp
    7fc263f10e98:sub    rsp,0x30
    7fc263f10e9c:cmp    DWORD PTR [r15+0x20],0x0
    7fc263f10ea4:jne    0x7fc263f1135e
    7fc263f10eaa:mov    rcx,rsi
    7fc263f10ead:mov    ebp,DWORD PTR [rsi+0x54]
    7fc263f10eb0:test   ebp,ebp
    7fc263f10eb2:jne    0x7fc263f112ee
    7fc263f10eb8:mov    r8,QWORD PTR [rsi+0x10]
    7fc263f10ebc:movzx  ebp,BYTE PTR [rsi+0x38]
    7fc263f10ec0:mov    r11,QWORD PTR [rsi+0x20]
    7fc263f10ec4:test   ebp,ebp
    7fc263f10ec6:je     0x7fc263f11328
    7fc263f10ecc:mov    r10d,DWORD PTR [rsi+0x48]
    7fc263f10ed0:mov    r9,QWORD PTR [r12+r10*8+0x10]
    7fc263f10ed5:cmp    r12d,DWORD PTR [r12+r10*8+0x18]
    7fc263f10eda:jne    0x7fc263f11304
    7fc263f10ee0:vmovd  xmm1,r10d
    7fc263f10ee5:vmovq  xmm0,rsi
    7fc263f10eea:mov    QWORD PTR [rsp],r11
    7fc263f10eee:movabs r10,0x9e3779b97f4a7c15
    7fc263f10ef8:add    r11,r10
    7fc263f10efb:mov    r10,r11
    7fc263f10efe:shr    r10,0x21
    7fc263f10f02:xor    r10,r11
    7fc263f10f05:movabs r11,0xff51afd7ed558ccd
    7fc263f10f0f:imul   r10,r11
    7fc263f10f13:mov    r11,r10
    7fc263f10f16:shr    r11,0x21
    7fc263f10f1a:xor    r11,r10
    7fc263f10f1d:movabs r10,0xc4ceb9fe1a85ec53
    7fc263f10f27:imul   r11,r10
    7fc263f10f2b:mov    rcx,r11
    7fc263f10f2e:shr    rcx,0x21
    7fc263f10f32:xor    rcx,r11
    7fc263f10f35:and    rcx,r8
    7fc263f10f38:mov    r11d,ecx
    7fc263f10f3b:movsxd r10,r11d
    7fc263f10f3e:mov    r11,r9
    7fc263f10f41:mov    rax,QWORD PTR [r11+r10*1]
    7fc263f10f45:mov    r11d,0x1
    7fc263f10f4b:mov    QWORD PTR [rsp+0x8],r8
    7fc263f10f50:jmp    0x7fc263f10f63
    7fc263f10f52:nop    DWORD PTR [rax+0x0]
    7fc263f10f59:nop    DWORD PTR [rax+0x0]
    7fc263f10f60:mov    r11d,r10d
    7fc263f10f63:movsxd rcx,r11d
    7fc263f10f66:movabs r10,0x9e3779b97f4a7c15
    7fc263f10f70:imul   rcx,r10
    7fc263f10f74:add    rcx,QWORD PTR [rsp]
    7fc263f10f78:mov    r10,rcx
    7fc263f10f7b:movabs r8,0x538454127b096493
    7fc263f10f85:add    r10,r8
    7fc263f10f88:mov    rbx,rcx
    7fc263f10f8b:movabs r8,0xb54cda58fbbee87e
    7fc263f10f95:add    rbx,r8
    7fc263f10f98:mov    r8,r10
    7fc263f10f9b:shr    r8,0x21
    7fc263f10f9f:xor    r8,r10
    7fc263f10fa2:movabs r10,0xff51afd7ed558ccd
    7fc263f10fac:imul   r8,r10
    7fc263f10fb0:mov    rdi,rbx
    7fc263f10fb3:shr    rdi,0x21
    7fc263f10fb7:xor    rdi,rbx
    7fc263f10fba:imul   rdi,r10
    7fc263f10fbe:mov    rbx,r8
    7fc263f10fc1:shr    rbx,0x21
    7fc263f10fc5:xor    rbx,r8
    7fc263f10fc8:movabs r10,0xc4ceb9fe1a85ec53
    7fc263f10fd2:imul   rbx,r10
    7fc263f10fd6:mov    r8,rdi
    7fc263f10fd9:shr    r8,0x21
    7fc263f10fdd:xor    r8,rdi
    7fc263f10fe0:imul   r8,r10
    7fc263f10fe4:mov    r10,rbx
    7fc263f10fe7:shr    r10,0x21
    7fc263f10feb:xor    r10,rbx
    7fc263f10fee:and    r10,QWORD PTR [rsp+0x8]
    7fc263f10ff3:mov    r10d,r10d
    7fc263f10ff6:movsxd rbx,r10d
    7fc263f10ff9:mov    r10,r8
    7fc263f10ffc:shr    r10,0x21
    7fc263f11000:xor    r10,r8
    7fc263f11003:and    r10,QWORD PTR [rsp+0x8]
    7fc263f11008:mov    r10d,r10d
    7fc263f1100b:movsxd rdi,r10d
    7fc263f1100e:mov    r10,rcx
    7fc263f11011:movabs r8,0x1715609f7c746c69
    7fc263f1101b:add    r10,r8
    7fc263f1101e:mov    rdx,rcx
    7fc263f11021:movabs r8,0x78dde6e5fd29f054
    7fc263f1102b:add    rdx,r8
    7fc263f1102e:mov    r8,r10
    7fc263f11031:shr    r8,0x21
    7fc263f11035:xor    r8,r10
    7fc263f11038:movabs r10,0xff51afd7ed558ccd
    7fc263f11042:imul   r8,r10
    7fc263f11046:mov    r10,rdx
    7fc263f11049:shr    r10,0x21
    7fc263f1104d:xor    r10,rdx
    7fc263f11050:movabs rdx,0xff51afd7ed558ccd
    7fc263f1105a:imul   r10,rdx
    7fc263f1105e:mov    rdx,r8
    7fc263f11061:shr    rdx,0x21
    7fc263f11065:xor    rdx,r8
    7fc263f11068:movabs r8,0xc4ceb9fe1a85ec53
    7fc263f11072:imul   rdx,r8
    7fc263f11076:mov    r8,r10
    7fc263f11079:shr    r8,0x21
    7fc263f1107d:xor    r8,r10
    7fc263f11080:movabs r10,0xc4ceb9fe1a85ec53
    7fc263f1108a:imul   r8,r10
    7fc263f1108e:mov    r10,rdx
    7fc263f11091:shr    r10,0x21
    7fc263f11095:xor    r10,rdx
    7fc263f11098:and    r10,QWORD PTR [rsp+0x8]
    7fc263f1109d:mov    r10d,r10d
    7fc263f110a0:movsxd rdx,r10d
    7fc263f110a3:mov    r10,r8
    7fc263f110a6:shr    r10,0x21
    7fc263f110aa:xor    r10,r8
    7fc263f110ad:and    r10,QWORD PTR [rsp+0x8]
    7fc263f110b2:mov    r10d,r10d
    7fc263f110b5:movsxd rsi,r10d
    7fc263f110b8:mov    r10,rcx
    7fc263f110bb:movabs r8,0xdaa66d2c7ddf743f
    7fc263f110c5:add    r10,r8
    7fc263f110c8:mov    rbp,rcx
    7fc263f110cb:movabs r8,0x3c6ef372fe94f82a
    7fc263f110d5:add    rbp,r8
    7fc263f110d8:mov    r8,r10
    7fc263f110db:shr    r8,0x21
    7fc263f110df:xor    r8,r10
    7fc263f110e2:movabs r10,0xff51afd7ed558ccd
    7fc263f110ec:imul   r8,r10
    7fc263f110f0:mov    r10,rbp
    7fc263f110f3:shr    r10,0x21
    7fc263f110f7:xor    r10,rbp
    7fc263f110fa:movabs rbp,0xff51afd7ed558ccd
    7fc263f11104:imul   r10,rbp
    7fc263f11108:mov    rbp,r8
    7fc263f1110b:shr    rbp,0x21
    7fc263f1110f:xor    rbp,r8
    7fc263f11112:movabs r8,0xc4ceb9fe1a85ec53
    7fc263f1111c:imul   rbp,r8
    7fc263f11120:mov    r8,r10
    7fc263f11123:shr    r8,0x21
    7fc263f11127:xor    r8,r10
    7fc263f1112a:movabs r10,0xc4ceb9fe1a85ec53
    7fc263f11134:imul   r8,r10
    7fc263f11138:mov    r10,rbp
    7fc263f1113b:shr    r10,0x21
    7fc263f1113f:xor    r10,rbp
    7fc263f11142:and    r10,QWORD PTR [rsp+0x8]
    7fc263f11147:mov    r10d,r10d
    7fc263f1114a:movsxd rbp,r10d
    7fc263f1114d:mov    r10,r8
    7fc263f11150:shr    r10,0x21
    7fc263f11154:xor    r10,r8
    7fc263f11157:and    r10,QWORD PTR [rsp+0x8]
    7fc263f1115c:mov    r10d,r10d
    7fc263f1115f:movsxd r8,r10d
    7fc263f11162:mov    r10,rcx
    7fc263f11165:movabs r13,0x9e3779b97f4a7c15
    7fc263f1116f:add    r10,r13
    7fc263f11172:movabs r13,0xf1bbcdcbfa53e0a8
    7fc263f1117c:add    rcx,r13
    7fc263f1117f:mov    r13,r10
    7fc263f11182:shr    r13,0x21
    7fc263f11186:xor    r13,r10
    7fc263f11189:movabs r10,0xff51afd7ed558ccd
    7fc263f11193:imul   r13,r10
    7fc263f11197:mov    r10,rcx
    7fc263f1119a:shr    r10,0x21
    7fc263f1119e:xor    r10,rcx
    7fc263f111a1:movabs r14,0xff51afd7ed558ccd
    7fc263f111ab:imul   r10,r14
    7fc263f111af:mov    r14,r13
    7fc263f111b2:shr    r14,0x21
    7fc263f111b6:xor    r14,r13
    7fc263f111b9:movabs r13,0xc4ceb9fe1a85ec53
    7fc263f111c3:imul   r14,r13
    7fc263f111c7:mov    r13,r10
    7fc263f111ca:shr    r13,0x21
    7fc263f111ce:xor    r13,r10
    7fc263f111d1:movabs r10,0xc4ceb9fe1a85ec53
    7fc263f111db:imul   r13,r10
    7fc263f111df:mov    r10,r14
    7fc263f111e2:shr    r10,0x21
    7fc263f111e6:xor    r10,r14
    7fc263f111e9:and    r10,QWORD PTR [rsp+0x8]
    7fc263f111ee:mov    r10d,r10d
    7fc263f111f1:movsxd r10,r10d
    7fc263f111f4:mov    r14,r9
    7fc263f111f7:add    rax,QWORD PTR [r14+r10*1]
    7fc263f111fb:mov    r10,r9
    7fc263f111fe:add    rax,QWORD PTR [r10+r8*1]
    7fc263f11202:mov    r10,r9
    7fc263f11205:add    rax,QWORD PTR [r10+rbp*1]
    7fc263f11209:mov    r10,r9
    7fc263f1120c:add    rax,QWORD PTR [r10+rsi*1]
    7fc263f11210:mov    r10,r9
    7fc263f11213:add    rax,QWORD PTR [r10+rdx*1]
    7fc263f11217:mov    r10,r9
    7fc263f1121a:add    rax,QWORD PTR [r10+rdi*1]
    7fc263f1121e:mov    r10,r9
    7fc263f11221:add    rax,QWORD PTR [r10+rbx*1]
    7fc263f11225:mov    r10,r13
    7fc263f11228:shr    r10,0x21
    7fc263f1122c:xor    r10,r13
    7fc263f1122f:and    r10,QWORD PTR [rsp+0x8]
    7fc263f11234:mov    r8d,r10d
    7fc263f11237:movsxd r10,r8d
    7fc263f1123a:mov    r8,r9
    7fc263f1123d:add    rax,QWORD PTR [r8+r10*1]
    7fc263f11241:lea    r10d,[r11+0x8]
    7fc263f11245:cmp    r10d,0x3f9
    7fc263f1124c:jl     0x7fc263f10f60
    7fc263f11252:vmovd  r8d,xmm1
    7fc263f11257:lea    rbx,[r12+r8*8]
    7fc263f1125b:mov    rdi,QWORD PTR [r15+0x30]
    7fc263f1125f:test   DWORD PTR [rdi],eax
    7fc263f11261:add    r11d,0x8
    7fc263f11265:movsxd rcx,r11d
    7fc263f11268:movabs r10,0x9e3779b97f4a7c15
    7fc263f11272:imul   rcx,r10
    7fc263f11276:add    rcx,QWORD PTR [rsp]
    7fc263f1127a:add    rcx,r10
    7fc263f1127d:mov    r10,rcx
    7fc263f11280:shr    r10,0x21
    7fc263f11284:xor    r10,rcx
    7fc263f11287:movabs r8,0xff51afd7ed558ccd
    7fc263f11291:imul   r10,r8
    7fc263f11295:mov    r8,r10
    7fc263f11298:shr    r8,0x21
    7fc263f1129c:xor    r8,r10
    7fc263f1129f:movabs r10,0xc4ceb9fe1a85ec53
    7fc263f112a9:imul   r8,r10
    7fc263f112ad:mov    r10,r8
    7fc263f112b0:shr    r10,0x21
    7fc263f112b4:xor    r10,r8
    7fc263f112b7:and    r10,QWORD PTR [rsp+0x8]
    7fc263f112bc:mov    r10d,r10d
    7fc263f112bf:movsxd r10,r10d
    7fc263f112c2:mov    r8,r9
    7fc263f112c5:add    rax,QWORD PTR [r8+r10*1]
    7fc263f112c9:inc    r11d
    7fc263f112cc:cmp    r11d,0x400
    7fc263f112d3:jl     0x7fc263f11265
    7fc263f112d5:vmovq  r10,xmm0
    7fc263f112da:mov    QWORD PTR [r10+0x20],rcx
    7fc263f112de:add    rsp,0x30
    7fc263f112e2:pop    rbp
    7fc263f112e3:cmp    rsp,QWORD PTR [r15+0x28]
    7fc263f112e7:ja     0x7fc263f11348
    7fc263f112ed:ret
    7fc263f112ee:mov    esi,0xffffffa5
    7fc263f112f3:mov    QWORD PTR [rsp],rcx
    7fc263f112f7:call   0x7fc2639d1060
    7fc263f112fc:nop    DWORD PTR [rax+rax*1+0x1000574]
    7fc263f11304:mov    esi,0xffffff6e
    7fc263f11309:mov    rbp,r11
    7fc263f1130c:mov    QWORD PTR [rsp],r8
    7fc263f11310:mov    QWORD PTR [rsp+0x8],rcx
    7fc263f11315:mov    DWORD PTR [rsp+0x10],r10d
    7fc263f1131a:nop
    7fc263f1131b:call   0x7fc2639d1060
    7fc263f11320:nop    DWORD PTR [rax+rax*1+0x2000598]
    7fc263f11328:mov    esi,0xffffff45
    7fc263f1132d:mov    QWORD PTR [rsp],r11
    7fc263f11331:mov    QWORD PTR [rsp+0x8],r8
    7fc263f11336:mov    QWORD PTR [rsp+0x10],rcx
    7fc263f1133b:call   0x7fc2639d1060
    7fc263f11340:nop    DWORD PTR [rax+rax*1+0x30005b8]
    7fc263f11348:movabs r10,0x7fc263f112e3
    7fc263f11352:mov    QWORD PTR [r15+0x538],r10
    7fc263f11359:jmp    0x7fc263989b60
    7fc263f1135e:call   0x7fc2639705c0
    7fc263f11363:jmp    0x7fc263f10eaa
    7fc263f11368:jmp    0x7fc2639d1360
    7fc263f1136d:call   0x7fc263f11372
    7fc263f11372:sub    QWORD PTR [rsp],0x5
    7fc263f11377:jmp    0x7fc2639882e0
    7fc263f1137c:hlt
    7fc263f1137d:hlt
    7fc263f1137e:hlt
    7fc263f1137f:hlt
    7fc263f11380:nop    WORD PTR [rax+rax*1+0x0]
    7fc263f11389:nop    WORD PTR [rax+rax*1+0x0]
    7fc263f11392:mov    r10d,DWORD PTR [rsi+0x8]
    7fc263f11396:cmp    r10d,DWORD PTR [rax+0x8]
    7fc263f1139a:jne    0x7fc26b3c1ee0
    7fc263f113a0:mov    DWORD PTR [rsp-0x14000],eax
    7fc263f113a7:push   rbp
    7fc263f113a8:sub    rsp,0xe0
    7fc263f113af:nop
    7fc263f113b0:cmp    DWORD PTR [r15+0x20],0x0
    7fc263f113b8:je     0x7fc263f113bf
    7fc263f113ba:call   0x7fc26b3abec0
    7fc263f113bf:mov    QWORD PTR [rsp+0x50],rsi
    7fc263f113c4:movabs rdi,0x7fc8944eb2d0
    7fc263f113ce:mov    ebx,DWORD PTR [rdi+0x90]
    7fc263f113d4:add    ebx,0x2
    7fc263f113d7:mov    DWORD PTR [rdi+0x90],ebx
    7fc263f113dd:and    ebx,0x7fe
    7fc263f113e3:test   ebx,ebx
    7fc263f113e5:je     0x7fc263f11a09
    7fc263f113eb:mov    rdi,rsi
    7fc263f113ee:movabs rbx,0x7fc8944eb2d0
    7fc263f113f8:add    QWORD PTR [rbx+0xd8],0x1
    7fc263f11400:movabs rdi,0x7fc8944eb540
    7fc263f1140a:mov    ebx,DWORD PTR [rdi+0x90]
    7fc263f11410:add    ebx,0x2
    7fc263f11413:mov    DWORD PTR [rdi+0x90],ebx
    7fc263f11419:and    ebx,0x1ffffe
    7fc263f1141f:test   ebx,ebx
    7fc263f11421:je     0x7fc263f11a2a
    7fc263f11427:mov    edi,DWORD PTR [rsi+0x54]
    7fc263f1142a:shl    rdi,0x3
    7fc263f1142e:test   rdi,rdi
    7fc263f11431:movabs rbx,0x7fc8944eb540
    7fc263f1143b:mov    eax,0xd8
    7fc263f11440:je     0x7fc263f11447
    7fc263f11442:mov    eax,0xe8
    7fc263f11447:mov    rdx,QWORD PTR [rbx+rax*1]
    7fc263f1144b:lea    rdx,[rdx+0x1]
    7fc263f1144f:mov    QWORD PTR [rbx+rax*1],rdx
    7fc263f11453:je     0x7fc263f114fc
    7fc263f11459:cmp    rax,QWORD PTR [rdi]
    7fc263f1145c:mov    rbx,rdi
    7fc263f1145f:movabs rax,0x7fc8944eb540
    7fc263f11469:mov    ebx,DWORD PTR [rbx+0x8]
    7fc263f1146c:mov    r10d,0x14000000
    7fc263f11472:add    rbx,r10
    7fc263f11475:cmp    rbx,QWORD PTR [rax+0x100]
    7fc263f1147c:jne    0x7fc263f1148b
    7fc263f1147e:add    QWORD PTR [rax+0x108],0x1
    7fc263f11486:jmp    0x7fc263f114eb
    7fc263f1148b:cmp    rbx,QWORD PTR [rax+0x110]
    7fc263f11492:jne    0x7fc263f114a1
    7fc263f11494:add    QWORD PTR [rax+0x118],0x1
    7fc263f1149c:jmp    0x7fc263f114eb
    7fc263f114a1:cmp    QWORD PTR [rax+0x100],0x0
    7fc263f114a9:jne    0x7fc263f114c2
    7fc263f114ab:mov    QWORD PTR [rax+0x100],rbx
    7fc263f114b2:mov    QWORD PTR [rax+0x108],0x1
    7fc263f114bd:jmp    0x7fc263f114eb
    7fc263f114c2:cmp    QWORD PTR [rax+0x110],0x0
    7fc263f114ca:jne    0x7fc263f114e3
    7fc263f114cc:mov    QWORD PTR [rax+0x110],rbx
    7fc263f114d3:mov    QWORD PTR [rax+0x118],0x1
    7fc263f114de:jmp    0x7fc263f114eb
    7fc263f114e3:add    QWORD PTR [rax+0xf8],0x1
    7fc263f114eb:mov    rsi,rdi
    7fc263f114ee:nop
    7fc263f114ef:call   0x7fc26b3c23e0
    7fc263f114f4:nop    DWORD PTR [rax+rax*1+0x26c]
    7fc263f114fc:mov    rsi,QWORD PTR [rsp+0x50]
    7fc263f11501:mov    rdi,QWORD PTR [rsi+0x20]
    7fc263f11505:mov    rbx,QWORD PTR [rsi+0x10]
    7fc263f11509:mov    QWORD PTR [rsp+0x60],rbx
    7fc263f1150e:movsx  eax,BYTE PTR [rsi+0x38]
    7fc263f11512:test   eax,eax
    7fc263f11514:movabs rax,0x7fc8944eb2d0
    7fc263f1151e:mov    edx,0x108
    7fc263f11523:je     0x7fc263f1152a
    7fc263f11525:mov    edx,0x118
    7fc263f1152a:mov    rcx,QWORD PTR [rax+rdx*1]
    7fc263f1152e:lea    rcx,[rcx+0x1]
    7fc263f11532:mov    QWORD PTR [rax+rdx*1],rcx
    7fc263f11536:je     0x7fc263f116e2
    7fc263f1153c:mov    eax,DWORD PTR [rsi+0x48]
    7fc263f1153f:shl    rax,0x3
    7fc263f11543:mov    QWORD PTR [rsp+0x58],rax
    7fc263f11548:mov    edx,0x0
    7fc263f1154d:mov    ecx,0x0
    7fc263f11552:jmp    0x7fc263f116a8
    7fc263f11557:nop
    7fc263f11558:mov    DWORD PTR [rsp+0x70],edx
    7fc263f1155c:movabs r10,0x9e3779b97f4a7c15
    7fc263f11566:add    rdi,r10
    7fc263f11569:movabs r8,0x7fc8944eb2d0
    7fc263f11573:add    QWORD PTR [r8+0x148],0x1
    7fc263f1157b:mov    rsi,rdi
    7fc263f1157e:mov    QWORD PTR [rsp+0x78],rdi
    7fc263f11583:nop    DWORD PTR [rax+0x0]
    7fc263f11587:call   0x7fc26b3c2de0
    7fc263f1158c:nop    DWORD PTR [rax+rax*1+0x1000304]
    7fc263f11594:mov    rdi,QWORD PTR [rsp+0x58]
    7fc263f11599:cmp    rax,QWORD PTR [rdi]
    7fc263f1159c:mov    rdx,rdi
    7fc263f1159f:movabs rsi,0x7fc8944eb2d0
    7fc263f115a9:mov    edx,DWORD PTR [rdx+0x8]
    7fc263f115ac:mov    r10d,0x14000000
    7fc263f115b2:add    rdx,r10
    7fc263f115b5:cmp    rdx,QWORD PTR [rsi+0x160]
    7fc263f115bc:jne    0x7fc263f115cb
    7fc263f115be:add    QWORD PTR [rsi+0x168],0x1
    7fc263f115c6:jmp    0x7fc263f1162b
    7fc263f115cb:cmp    rdx,QWORD PTR [rsi+0x170]
    7fc263f115d2:jne    0x7fc263f115e1
    7fc263f115d4:add    QWORD PTR [rsi+0x178],0x1
    7fc263f115dc:jmp    0x7fc263f1162b
    7fc263f115e1:cmp    QWORD PTR [rsi+0x160],0x0
    7fc263f115e9:jne    0x7fc263f11602
    7fc263f115eb:mov    QWORD PTR [rsi+0x160],rdx
    7fc263f115f2:mov    QWORD PTR [rsi+0x168],0x1
    7fc263f115fd:jmp    0x7fc263f1162b
    7fc263f11602:cmp    QWORD PTR [rsi+0x170],0x0
    7fc263f1160a:jne    0x7fc263f11623
    7fc263f1160c:mov    QWORD PTR [rsi+0x170],rdx
    7fc263f11613:mov    QWORD PTR [rsi+0x178],0x1
    7fc263f1161e:jmp    0x7fc263f1162b
    7fc263f11623:add    QWORD PTR [rsi+0x158],0x1
    7fc263f1162b:mov    rbx,QWORD PTR [rsp+0x60]
    7fc263f11630:and    rax,rbx
    7fc263f11633:mov    eax,eax
    7fc263f11635:mov    rdx,rax
    7fc263f11638:mov    rsi,rdi
    7fc263f1163b:xchg   ax,ax
    7fc263f1163d:movabs rax,0x7fc8746744d0
    7fc263f11647:call   0x7fc26b3c28e0
    7fc263f1164c:nop    DWORD PTR [rax+rax*1+0x20003c4]
    7fc263f11654:mov    rcx,QWORD PTR [rsp+0x68]
    7fc263f11659:add    rax,rcx
    7fc263f1165c:mov    edx,DWORD PTR [rsp+0x70]
    7fc263f11660:inc    edx
    7fc263f11662:movabs rsi,0x7fc8944eb2d0
    7fc263f1166c:mov    edi,DWORD PTR [rsi+0x94]
    7fc263f11672:add    edi,0x2
    7fc263f11675:mov    DWORD PTR [rsi+0x94],edi
    7fc263f1167b:and    edi,0x3ffe
    7fc263f11681:test   edi,edi
    7fc263f11683:je     0x7fc263f11a55
    7fc263f11689:mov    r10,QWORD PTR [r15+0x30]
    7fc263f1168d:test   DWORD PTR [r10],eax
    7fc263f11690:movabs rsi,0x7fc8944eb2d0
    7fc263f1169a:inc    DWORD PTR [rsi+0x188]
    7fc263f116a0:mov    rcx,rax
    7fc263f116a3:mov    rdi,QWORD PTR [rsp+0x78]
    7fc263f116a8:mov    QWORD PTR [rsp+0x68],rcx
    7fc263f116ad:cmp    edx,0x400
    7fc263f116b3:movabs r8,0x7fc8944eb2d0
    7fc263f116bd:mov    r9d,0x128
    7fc263f116c3:jge    0x7fc263f116cb
    7fc263f116c5:mov    r9d,0x138
    7fc263f116cb:mov    r11,QWORD PTR [r8+r9*1]
    7fc263f116cf:lea    r11,[r11+0x1]
    7fc263f116d3:mov    QWORD PTR [r8+r9*1],r11
    7fc263f116d7:jge    0x7fc263f118ce
    7fc263f116dd:jmp    0x7fc263f11558
    7fc263f116e2:mov    eax,DWORD PTR [rsi+0x44]
    7fc263f116e5:shl    rax,0x3
    7fc263f116e9:mov    edx,0x0
    7fc263f116ee:mov    ecx,0x0
    7fc263f116f3:mov    QWORD PTR [rsp+0xa8],rax
    7fc263f116fb:mov    QWORD PTR [rsp+0xb0],rbx
    7fc263f11703:mov    QWORD PTR [rsp+0xb8],rcx
    7fc263f1170b:mov    QWORD PTR [rsp+0xd0],rsi
    7fc263f11713:jmp    0x7fc263f11889
    7fc263f11718:mov    DWORD PTR [rsp+0xc0],edx
    7fc263f1171f:movabs r10,0x9e3779b97f4a7c15
    7fc263f11729:add    rdi,r10
    7fc263f1172c:movabs r8,0x7fc8944eb2d0
    7fc263f11736:add    QWORD PTR [r8+0x1d8],0x1
    7fc263f1173e:mov    rsi,rdi
    7fc263f11741:mov    QWORD PTR [rsp+0xc8],rdi
    7fc263f11749:nop    WORD PTR [rax+rax*1+0x0]
    7fc263f1174f:call   0x7fc26b3c2de0
    7fc263f11754:nop    DWORD PTR [rax+rax*1+0x40004cc]
    7fc263f1175c:mov    rdi,QWORD PTR [rsp+0xa8]
    7fc263f11764:cmp    rax,QWORD PTR [rdi]
    7fc263f11767:mov    rdx,rdi
    7fc263f1176a:movabs rsi,0x7fc8944eb2d0
    7fc263f11774:mov    edx,DWORD PTR [rdx+0x8]
    7fc263f11777:mov    r10d,0x14000000
    7fc263f1177d:add    rdx,r10
    7fc263f11780:cmp    rdx,QWORD PTR [rsi+0x1f0]
    7fc263f11787:jne    0x7fc263f11796
    7fc263f11789:add    QWORD PTR [rsi+0x1f8],0x1
    7fc263f11791:jmp    0x7fc263f117f6
    7fc263f11796:cmp    rdx,QWORD PTR [rsi+0x200]
    7fc263f1179d:jne    0x7fc263f117ac
    7fc263f1179f:add    QWORD PTR [rsi+0x208],0x1
    7fc263f117a7:jmp    0x7fc263f117f6
    7fc263f117ac:cmp    QWORD PTR [rsi+0x1f0],0x0
    7fc263f117b4:jne    0x7fc263f117cd
    7fc263f117b6:mov    QWORD PTR [rsi+0x1f0],rdx
    7fc263f117bd:mov    QWORD PTR [rsi+0x1f8],0x1
    7fc263f117c8:jmp    0x7fc263f117f6
    7fc263f117cd:cmp    QWORD PTR [rsi+0x200],0x0
    7fc263f117d5:jne    0x7fc263f117ee
    7fc263f117d7:mov    QWORD PTR [rsi+0x200],rdx
    7fc263f117de:mov    QWORD PTR [rsi+0x208],0x1
    7fc263f117e9:jmp    0x7fc263f117f6
    7fc263f117ee:add    QWORD PTR [rsi+0x1e8],0x1
    7fc263f117f6:mov    rbx,QWORD PTR [rsp+0xb0]
    7fc263f117fe:and    rax,rbx
    7fc263f11801:mov    rdx,rax
    7fc263f11804:mov    rsi,rdi
    7fc263f11807:mov    QWORD PTR [rsp+0xa8],rdi
    7fc263f1180f:mov    QWORD PTR [rsp+0xb0],rbx
    7fc263f11817:call   0x7fc26b3c23e0
    7fc263f1181c:nop    DWORD PTR [rax+rax*1+0x5000594]
    7fc263f11824:mov    rcx,QWORD PTR [rsp+0xb8]
    7fc263f1182c:add    rax,rcx
    7fc263f1182f:mov    edx,DWORD PTR [rsp+0xc0]
    7fc263f11836:inc    edx
    7fc263f11838:movabs rsi,0x7fc8944eb2d0
    7fc263f11842:mov    edi,DWORD PTR [rsi+0x94]
    7fc263f11848:add    edi,0x2
    7fc263f1184b:mov    DWORD PTR [rsi+0x94],edi
    7fc263f11851:and    edi,0x3ffe
    7fc263f11857:test   edi,edi
    7fc263f11859:je     0x7fc263f11a7b
    7fc263f1185f:mov    r10,QWORD PTR [r15+0x30]
    7fc263f11863:test   DWORD PTR [r10],eax
    7fc263f11866:movabs rsi,0x7fc8944eb2d0
    7fc263f11870:inc    DWORD PTR [rsi+0x218]
    7fc263f11876:mov    rcx,rax
    7fc263f11879:mov    rdi,QWORD PTR [rsp+0xc8]
    7fc263f11881:mov    QWORD PTR [rsp+0xb8],rcx
    7fc263f11889:cmp    edx,0x400
    7fc263f1188f:movabs r8,0x7fc8944eb2d0
    7fc263f11899:mov    r9d,0x1c8
    7fc263f1189f:jl     0x7fc263f118a7
    7fc263f118a1:mov    r9d,0x1b8
    7fc263f118a7:mov    r11,QWORD PTR [r8+r9*1]
    7fc263f118ab:lea    r11,[r11+0x1]
    7fc263f118af:mov    QWORD PTR [r8+r9*1],r11
    7fc263f118b3:jl     0x7fc263f11718
    7fc263f118b9:mov    rcx,QWORD PTR [rsp+0xb8]
    7fc263f118c1:mov    rsi,QWORD PTR [rsp+0xd0]
    7fc263f118c9:jmp    0x7fc263f118e8
    7fc263f118ce:mov    rcx,QWORD PTR [rsp+0x68]
    7fc263f118d3:mov    rsi,QWORD PTR [rsp+0x50]
    7fc263f118d8:movabs rax,0x7fc8944eb2d0
    7fc263f118e2:inc    DWORD PTR [rax+0x1a0]
    7fc263f118e8:mov    QWORD PTR [rsi+0x20],rdi
    7fc263f118ec:mov    rax,rcx
    7fc263f118ef:add    rsp,0xe0
    7fc263f118f6:pop    rbp
    7fc263f118f7:cmp    rsp,QWORD PTR [r15+0x28]
    7fc263f118fb:ja     0x7fc263f11aa1
    7fc263f11901:ret
    7fc263f11902:mov    DWORD PTR [rsp-0x14000],eax
    7fc263f11909:push   rbp
    7fc263f1190a:sub    rsp,0xe0
    7fc263f11911:data16 xchg ax,ax
    7fc263f11914:cmp    DWORD PTR [r15+0x20],0x0
    7fc263f1191c:je     0x7fc263f11923
    7fc263f1191e:call   0x7fc26b3abec0
    7fc263f11923:mov    edi,0x40
    7fc263f11928:movsxd rdi,edi
    7fc263f1192b:mov    rbx,QWORD PTR [rsi+rdi*1]
    7fc263f1192f:mov    edi,0x30
    7fc263f11934:movsxd rdi,edi
    7fc263f11937:mov    rax,QWORD PTR [rsi+rdi*1]
    7fc263f1193b:mov    edi,0x20
    7fc263f11940:movsxd rdi,edi
    7fc263f11943:mov    rdx,QWORD PTR [rsi+rdi*1]
    7fc263f11947:mov    edi,0x10
    7fc263f1194c:movsxd rdi,edi
    7fc263f1194f:mov    rcx,QWORD PTR [rsi+rdi*1]
    7fc263f11953:mov    edi,0x8
    7fc263f11958:movsxd rdi,edi
    7fc263f1195b:mov    r8,QWORD PTR [rsi+rdi*1]
    7fc263f1195f:mov    edi,0x0
    7fc263f11964:movsxd rdi,edi
    7fc263f11967:mov    r9d,DWORD PTR [rsi+rdi*1]
    7fc263f1196b:mov    rdi,rsi
    7fc263f1196e:mov    QWORD PTR [rsp+0xa0],rbx
    7fc263f11976:mov    QWORD PTR [rsp+0x98],rax
    7fc263f1197e:mov    QWORD PTR [rsp+0x90],rdx
    7fc263f11986:mov    QWORD PTR [rsp+0x88],rcx
    7fc263f1198e:mov    QWORD PTR [rsp+0x80],r8
    7fc263f11996:mov    DWORD PTR [rsp+0x74],r9d
    7fc263f1199b:call   0x7fc28478f800
    7fc263f119a0:nop    DWORD PTR [rax+rax*1+0x0]
    7fc263f119a8:mov    r9d,DWORD PTR [rsp+0x74]
    7fc263f119ad:mov    rdx,r9
    7fc263f119b0:mov    r8,QWORD PTR [rsp+0x80]
    7fc263f119b8:mov    rax,r8
    7fc263f119bb:mov    rcx,QWORD PTR [rsp+0x88]
    7fc263f119c3:mov    rbx,rcx
    7fc263f119c6:mov    rsi,QWORD PTR [rsp+0x90]
    7fc263f119ce:mov    rcx,rsi
    7fc263f119d1:mov    rsi,QWORD PTR [rsp+0x98]
    7fc263f119d9:mov    rdi,rsi
    7fc263f119dc:mov    rsi,QWORD PTR [rsp+0xa0]
    7fc263f119e4:mov    QWORD PTR [rsp+0xa8],rax
    7fc263f119ec:mov    QWORD PTR [rsp+0xb0],rbx
    7fc263f119f4:mov    QWORD PTR [rsp+0xb8],rcx
    7fc263f119fc:mov    QWORD PTR [rsp+0xd0],rsi
    7fc263f11a04:jmp    0x7fc263f11889
    7fc263f11a09:movabs r10,0x7fc8944605c8
    7fc263f11a13:mov    QWORD PTR [rsp+0x8],r10
    7fc263f11a18:mov    QWORD PTR [rsp],0xffffffffffffffff
    7fc263f11a20:call   0x7fc26b49ff60
    7fc263f11a25:jmp    0x7fc263f113eb
    7fc263f11a2a:movabs r10,0x7fc894460bb8
    7fc263f11a34:mov    QWORD PTR [rsp+0x8],r10
    7fc263f11a39:mov    QWORD PTR [rsp],0xffffffffffffffff
    7fc263f11a41:call   0x7fc26b49ff60
    7fc263f11a46:jmp    0x7fc263f11427
    7fc263f11a4b:call   0x7fc26b499fe0
    7fc263f11a50:call   0x7fc26b499fe0
    7fc263f11a55:movabs r10,0x7fc8944605c8
    7fc263f11a5f:mov    QWORD PTR [rsp+0x8],r10
    7fc263f11a64:mov    QWORD PTR [rsp],0x42
    7fc263f11a6c:call   0x7fc26b49ff60
    7fc263f11a71:jmp    0x7fc263f11689
    7fc263f11a76:call   0x7fc26b499fe0
    7fc263f11a7b:movabs r10,0x7fc8944605c8
    7fc263f11a85:mov    QWORD PTR [rsp+0x8],r10
    7fc263f11a8a:mov    QWORD PTR [rsp],0x71
    7fc263f11a92:call   0x7fc26b49ff60
    7fc263f11a97:jmp    0x7fc263f1185f
    7fc263f11a9c:call   0x7fc26b499fe0
    7fc263f11aa1:movabs r10,0x7fc8bc4d5ff7
    7fc263f11aab:mov    QWORD PTR [r15+0x538],r10
    7fc263f11ab2:jmp    0x7fc26b3c5460
    7fc263f11ab7:mov    rax,QWORD PTR [r15+0x5e0]
    7fc263f11abe:mov    QWORD PTR [r15+0x5e0],0x0
    7fc263f11ac9:mov    QWORD PTR [r15+0x5e8],0x0
    7fc263f11ad4:add    rsp,0xe0
    7fc263f11adb:pop    rbp
    7fc263f11adc:jmp    0x7fc26b4990e0
    7fc263f11ae1:hlt
    7fc263f11ae2:hlt
    7fc263f11ae3:hlt
    7fc263f11ae4:hlt
    7fc263f11ae5:hlt
    7fc263f11ae6:hlt
    7fc263f11ae7:hlt
    7fc263f11ae8:nop    DWORD PTR [rax+rax*1+0x0]
    7fc263f11aed:movabs rbx,0x0
    7fc263f11af7:jmp    0x7fc263f11af7
    7fc263f11afc:nop
    7fc263f11afd:movabs rbx,0x0
    7fc263f11b07:jmp    0x7fc263f11b07
    7fc263f11b0c:movabs rbx,0x0
    7fc263f11b16:jmp    0x7fc263f11b16
    7fc263f11b1b:movabs rbx,0x0
    7fc263f11b25:jmp    0x7fc263f11b25
    7fc263f11b2a:call   0x7fc26b49c1e0
    7fc263f11b2f:movabs rdi,0x7fc8dd17973c
    7fc263f11b39:and    rsp,0xfffffffffffffff0
    7fc263f11b3d:call   0x7fc284587ec0
    7fc263f11b42:hlt
    7fc263f11b43:movabs r10,0x7fc8bc4d6243
    7fc263f11b4d:push   r10
    7fc263f11b4f:jmp    0x7fc26b3c3be0
    7fc263f11b54:hlt
    7fc263f11b55:hlt
    7fc263f11b56:hlt
    7fc263f11b57:hlt
    7fc263f11b58:nop    WORD PTR [rax+rax*1+0x0]
    7fc263f11b61:nop    WORD PTR [rax+rax*1+0x0]
    7fc263f11b6a:mov    r10d,DWORD PTR [rsi+0x8]
    7fc263f11b6e:cmp    r10d,DWORD PTR [rax+0x8]
    7fc263f11b72:jne    0x7fc26b3c1db8
    7fc263f11b78:mov    DWORD PTR [rsp-0x14000],eax
    7fc263f11b7f:push   rbp
    7fc263f11b80:sub    rsp,0xa0
    7fc263f11b87:nop
    7fc263f11b88:cmp    DWORD PTR [r15+0x20],0x0
    7fc263f11b90:je     0x7fc263f11b97
    7fc263f11b92:call   0x7fc26b3abd98
    7fc263f11b97:mov    QWORD PTR [rsp+0x50],rsi
    7fc263f11b9c:movabs rdi,0x7fc8944eb2d0
    7fc263f11ba6:mov    ebx,DWORD PTR [rdi+0x90]
    7fc263f11bac:add    ebx,0x2
    7fc263f11baf:mov    DWORD PTR [rdi+0x90],ebx
    7fc263f11bb5:and    ebx,0x7fe
    7fc263f11bbb:test   ebx,ebx
    7fc263f11bbd:je     0x7fc263f120a4
    7fc263f11bc3:mov    rdi,rsi
    7fc263f11bc6:movabs rbx,0x7fc8944eb2d0
    7fc263f11bd0:add    QWORD PTR [rbx+0xd8],0x1
    7fc263f11bd8:movabs rdi,0x7fc8944eb540
    7fc263f11be2:mov    ebx,DWORD PTR [rdi+0x90]
    7fc263f11be8:add    ebx,0x2
    7fc263f11beb:mov    DWORD PTR [rdi+0x90],ebx
    7fc263f11bf1:and    ebx,0x1ffffe
    7fc263f11bf7:test   ebx,ebx
    7fc263f11bf9:je     0x7fc263f120c5
    7fc263f11bff:mov    edi,DWORD PTR [rsi+0x54]
    7fc263f11c02:shl    rdi,0x3
    7fc263f11c06:test   rdi,rdi
    7fc263f11c09:movabs rbx,0x7fc8944eb540
    7fc263f11c13:mov    eax,0xd8
    7fc263f11c18:je     0x7fc263f11c1f
    7fc263f11c1a:mov    eax,0xe8
    7fc263f11c1f:mov    rdx,QWORD PTR [rbx+rax*1]
    7fc263f11c23:lea    rdx,[rdx+0x1]
    7fc263f11c27:mov    QWORD PTR [rbx+rax*1],rdx
    7fc263f11c2b:je     0x7fc263f11cd4
    7fc263f11c31:cmp    rax,QWORD PTR [rdi]
    7fc263f11c34:mov    rbx,rdi
    7fc263f11c37:movabs rax,0x7fc8944eb540
    7fc263f11c41:mov    ebx,DWORD PTR [rbx+0x8]
    7fc263f11c44:mov    r10d,0x14000000
    7fc263f11c4a:add    rbx,r10
    7fc263f11c4d:cmp    rbx,QWORD PTR [rax+0x100]
    7fc263f11c54:jne    0x7fc263f11c63
    7fc263f11c56:add    QWORD PTR [rax+0x108],0x1
    7fc263f11c5e:jmp    0x7fc263f11cc3
    7fc263f11c63:cmp    rbx,QWORD PTR [rax+0x110]
    7fc263f11c6a:jne    0x7fc263f11c79
    7fc263f11c6c:add    QWORD PTR [rax+0x118],0x1
    7fc263f11c74:jmp    0x7fc263f11cc3
    7fc263f11c79:cmp    QWORD PTR [rax+0x100],0x0
    7fc263f11c81:jne    0x7fc263f11c9a
    7fc263f11c83:mov    QWORD PTR [rax+0x100],rbx
    7fc263f11c8a:mov    QWORD PTR [rax+0x108],0x1
    7fc263f11c95:jmp    0x7fc263f11cc3
    7fc263f11c9a:cmp    QWORD PTR [rax+0x110],0x0
    7fc263f11ca2:jne    0x7fc263f11cbb
    7fc263f11ca4:mov    QWORD PTR [rax+0x110],rbx
    7fc263f11cab:mov    QWORD PTR [rax+0x118],0x1
    7fc263f11cb6:jmp    0x7fc263f11cc3
    7fc263f11cbb:add    QWORD PTR [rax+0xf8],0x1
    7fc263f11cc3:mov    rsi,rdi
    7fc263f11cc6:nop
    7fc263f11cc7:call   0x7fc26b3c22b8
    7fc263f11ccc:nop    DWORD PTR [rax+rax*1+0x26c]
    7fc263f11cd4:mov    rsi,QWORD PTR [rsp+0x50]
    7fc263f11cd9:mov    rdi,QWORD PTR [rsi+0x20]
    7fc263f11cdd:mov    rbx,QWORD PTR [rsi+0x10]
    7fc263f11ce1:mov    QWORD PTR [rsp+0x60],rbx
    7fc263f11ce6:movsx  eax,BYTE PTR [rsi+0x38]
    7fc263f11cea:test   eax,eax
    7fc263f11cec:movabs rax,0x7fc8944eb2d0
    7fc263f11cf6:mov    edx,0x108
    7fc263f11cfb:je     0x7fc263f11d02
    7fc263f11cfd:mov    edx,0x118
    7fc263f11d02:mov    rcx,QWORD PTR [rax+rdx*1]
    7fc263f11d06:lea    rcx,[rcx+0x1]
    7fc263f11d0a:mov    QWORD PTR [rax+rdx*1],rcx
    7fc263f11d0e:je     0x7fc263f11eba
    7fc263f11d14:mov    eax,DWORD PTR [rsi+0x48]
    7fc263f11d17:shl    rax,0x3
    7fc263f11d1b:mov    QWORD PTR [rsp+0x58],rax
    7fc263f11d20:mov    edx,0x0
    7fc263f11d25:mov    ecx,0x0
    7fc263f11d2a:jmp    0x7fc263f11e80
    7fc263f11d2f:nop
    7fc263f11d30:mov    DWORD PTR [rsp+0x70],edx
    7fc263f11d34:movabs r10,0x9e3779b97f4a7c15
    7fc263f11d3e:add    rdi,r10
    7fc263f11d41:movabs r8,0x7fc8944eb2d0
    7fc263f11d4b:add    QWORD PTR [r8+0x148],0x1
    7fc263f11d53:mov    rsi,rdi
    7fc263f11d56:mov    QWORD PTR [rsp+0x78],rdi
    7fc263f11d5b:nop    DWORD PTR [rax+0x0]
    7fc263f11d5f:call   0x7fc26b3c2cb8
    7fc263f11d64:nop    DWORD PTR [rax+rax*1+0x1000304]
    7fc263f11d6c:mov    rdi,QWORD PTR [rsp+0x58]
    7fc263f11d71:cmp    rax,QWORD PTR [rdi]
    7fc263f11d74:mov    rdx,rdi
    7fc263f11d77:movabs rsi,0x7fc8944eb2d0
    7fc263f11d81:mov    edx,DWORD PTR [rdx+0x8]
    7fc263f11d84:mov    r10d,0x14000000
    7fc263f11d8a:add    rdx,r10
    7fc263f11d8d:cmp    rdx,QWORD PTR [rsi+0x160]
    7fc263f11d94:jne    0x7fc263f11da3
    7fc263f11d96:add    QWORD PTR [rsi+0x168],0x1
    7fc263f11d9e:jmp    0x7fc263f11e03
    7fc263f11da3:cmp    rdx,QWORD PTR [rsi+0x170]
    7fc263f11daa:jne    0x7fc263f11db9
    7fc263f11dac:add    QWORD PTR [rsi+0x178],0x1
    7fc263f11db4:jmp    0x7fc263f11e03
    7fc263f11db9:cmp    QWORD PTR [rsi+0x160],0x0
    7fc263f11dc1:jne    0x7fc263f11dda
    7fc263f11dc3:mov    QWORD PTR [rsi+0x160],rdx
    7fc263f11dca:mov    QWORD PTR [rsi+0x168],0x1
    7fc263f11dd5:jmp    0x7fc263f11e03
    7fc263f11dda:cmp    QWORD PTR [rsi+0x170],0x0
    7fc263f11de2:jne    0x7fc263f11dfb
    7fc263f11de4:mov    QWORD PTR [rsi+0x170],rdx
    7fc263f11deb:mov    QWORD PTR [rsi+0x178],0x1
    7fc263f11df6:jmp    0x7fc263f11e03
    7fc263f11dfb:add    QWORD PTR [rsi+0x158],0x1
    7fc263f11e03:mov    rbx,QWORD PTR [rsp+0x60]
    7fc263f11e08:and    rax,rbx
    7fc263f11e0b:mov    eax,eax
    7fc263f11e0d:mov    rdx,rax
    7fc263f11e10:mov    rsi,rdi
    7fc263f11e13:xchg   ax,ax
    7fc263f11e15:movabs rax,0x7fc87467a680
    7fc263f11e1f:call   0x7fc26b3c27b8
    7fc263f11e24:nop    DWORD PTR [rax+rax*1+0x20003c4]
    7fc263f11e2c:mov    rcx,QWORD PTR [rsp+0x68]
    7fc263f11e31:add    rax,rcx
    7fc263f11e34:mov    edx,DWORD PTR [rsp+0x70]
    7fc263f11e38:inc    edx
    7fc263f11e3a:movabs rsi,0x7fc8944eb2d0
    7fc263f11e44:mov    edi,DWORD PTR [rsi+0x94]
    7fc263f11e4a:add    edi,0x2
    7fc263f11e4d:mov    DWORD PTR [rsi+0x94],edi
    7fc263f11e53:and    edi,0x3ffe
    7fc263f11e59:test   edi,edi
    7fc263f11e5b:je     0x7fc263f120f0
    7fc263f11e61:mov    r10,QWORD PTR [r15+0x30]
    7fc263f11e65:test   DWORD PTR [r10],eax
    7fc263f11e68:movabs rsi,0x7fc8944eb2d0
    7fc263f11e72:inc    DWORD PTR [rsi+0x188]
    7fc263f11e78:mov    rcx,rax
    7fc263f11e7b:mov    rdi,QWORD PTR [rsp+0x78]
    7fc263f11e80:mov    QWORD PTR [rsp+0x68],rcx
    7fc263f11e85:cmp    edx,0x400
    7fc263f11e8b:movabs r8,0x7fc8944eb2d0
    7fc263f11e95:mov    r9d,0x128
    7fc263f11e9b:jge    0x7fc263f11ea3
    7fc263f11e9d:mov    r9d,0x138
    7fc263f11ea3:mov    r11,QWORD PTR [r8+r9*1]
    7fc263f11ea7:lea    r11,[r11+0x1]
    7fc263f11eab:mov    QWORD PTR [r8+r9*1],r11
    7fc263f11eaf:jge    0x7fc263f1206d
    7fc263f11eb5:jmp    0x7fc263f11d30
    7fc263f11eba:mov    ebx,DWORD PTR [rsi+0x44]
    7fc263f11ebd:shl    rbx,0x3
    7fc263f11ec1:mov    QWORD PTR [rsp+0x80],rbx
    7fc263f11ec9:mov    eax,0x0
    7fc263f11ece:mov    edx,0x0
    7fc263f11ed3:jmp    0x7fc263f12029
    7fc263f11ed8:mov    DWORD PTR [rsp+0x74],eax
    7fc263f11edc:movabs r10,0x9e3779b97f4a7c15
    7fc263f11ee6:add    rdi,r10
    7fc263f11ee9:movabs r8,0x7fc8944eb2d0
    7fc263f11ef3:add    QWORD PTR [r8+0x1d8],0x1
    7fc263f11efb:mov    rsi,rdi
    7fc263f11efe:mov    QWORD PTR [rsp+0x90],rdi
    7fc263f11f06:nop
    7fc263f11f07:call   0x7fc26b3c2cb8
    7fc263f11f0c:nop    DWORD PTR [rax+rax*1+0x40004ac]
    7fc263f11f14:mov    rbx,QWORD PTR [rsp+0x80]
    7fc263f11f1c:cmp    rax,QWORD PTR [rbx]
    7fc263f11f1f:mov    rdx,rbx
    7fc263f11f22:movabs rsi,0x7fc8944eb2d0
    7fc263f11f2c:mov    edx,DWORD PTR [rdx+0x8]
    7fc263f11f2f:mov    r10d,0x14000000
    7fc263f11f35:add    rdx,r10
    7fc263f11f38:cmp    rdx,QWORD PTR [rsi+0x1f0]
    7fc263f11f3f:jne    0x7fc263f11f4e
    7fc263f11f41:add    QWORD PTR [rsi+0x1f8],0x1
    7fc263f11f49:jmp    0x7fc263f11fae
    7fc263f11f4e:cmp    rdx,QWORD PTR [rsi+0x200]
    7fc263f11f55:jne    0x7fc263f11f64
    7fc263f11f57:add    QWORD PTR [rsi+0x208],0x1
    7fc263f11f5f:jmp    0x7fc263f11fae
    7fc263f11f64:cmp    QWORD PTR [rsi+0x1f0],0x0
    7fc263f11f6c:jne    0x7fc263f11f85
    7fc263f11f6e:mov    QWORD PTR [rsi+0x1f0],rdx
    7fc263f11f75:mov    QWORD PTR [rsi+0x1f8],0x1
    7fc263f11f80:jmp    0x7fc263f11fae
    7fc263f11f85:cmp    QWORD PTR [rsi+0x200],0x0
    7fc263f11f8d:jne    0x7fc263f11fa6
    7fc263f11f8f:mov    QWORD PTR [rsi+0x200],rdx
    7fc263f11f96:mov    QWORD PTR [rsi+0x208],0x1
    7fc263f11fa1:jmp    0x7fc263f11fae
    7fc263f11fa6:add    QWORD PTR [rsi+0x1e8],0x1
    7fc263f11fae:mov    rdi,QWORD PTR [rsp+0x60]
    7fc263f11fb3:and    rax,rdi
    7fc263f11fb6:mov    rdx,rax
    7fc263f11fb9:mov    rsi,rbx
    7fc263f11fbc:data16 xchg ax,ax
    7fc263f11fbf:call   0x7fc26b949668
    7fc263f11fc4:nop    DWORD PTR [rax+rax*1+0x5000564]
    7fc263f11fcc:mov    rdx,QWORD PTR [rsp+0x88]
    7fc263f11fd4:add    rax,rdx
    7fc263f11fd7:mov    esi,DWORD PTR [rsp+0x74]
    7fc263f11fdb:inc    esi
    7fc263f11fdd:movabs rdi,0x7fc8944eb2d0
    7fc263f11fe7:mov    ebx,DWORD PTR [rdi+0x94]
    7fc263f11fed:add    ebx,0x2
    7fc263f11ff0:mov    DWORD PTR [rdi+0x94],ebx
    7fc263f11ff6:and    ebx,0x3ffe
    7fc263f11ffc:test   ebx,ebx
    7fc263f11ffe:je     0x7fc263f12116
    7fc263f12004:mov    r10,QWORD PTR [r15+0x30]
    7fc263f12008:test   DWORD PTR [r10],eax
    7fc263f1200b:movabs rdi,0x7fc8944eb2d0
    7fc263f12015:inc    DWORD PTR [rdi+0x218]
    7fc263f1201b:mov    rdx,rax
    7fc263f1201e:mov    rdi,QWORD PTR [rsp+0x90]
    7fc263f12026:mov    rax,rsi
    7fc263f12029:mov    QWORD PTR [rsp+0x88],rdx
    7fc263f12031:cmp    eax,0x400
    7fc263f12036:movabs r8,0x7fc8944eb2d0
    7fc263f12040:mov    r9d,0x1c8
    7fc263f12046:jl     0x7fc263f1204e
    7fc263f12048:mov    r9d,0x1b8
    7fc263f1204e:mov    r11,QWORD PTR [r8+r9*1]
    7fc263f12052:lea    r11,[r11+0x1]
    7fc263f12056:mov    QWORD PTR [r8+r9*1],r11
    7fc263f1205a:jl     0x7fc263f11ed8
    7fc263f12060:mov    rdx,QWORD PTR [rsp+0x88]
    7fc263f12068:jmp    0x7fc263f12085
    7fc263f1206d:mov    rcx,QWORD PTR [rsp+0x68]
    7fc263f12072:movabs rax,0x7fc8944eb2d0
    7fc263f1207c:inc    DWORD PTR [rax+0x1a0]
    7fc263f12082:mov    rdx,rcx
    7fc263f12085:mov    rsi,QWORD PTR [rsp+0x50]
    7fc263f1208a:mov    QWORD PTR [rsi+0x20],rdi
    7fc263f1208e:mov    rax,rdx
    7fc263f12091:add    rsp,0xa0
    7fc263f12098:pop    rbp
    7fc263f12099:cmp    rsp,QWORD PTR [r15+0x28]
    7fc263f1209d:ja     0x7fc263f12137
    7fc263f120a3:ret
    7fc263f120a4:movabs r10,0x7fc8944605c8
    7fc263f120ae:mov    QWORD PTR [rsp+0x8],r10
    7fc263f120b3:mov    QWORD PTR [rsp],0xffffffffffffffff
    7fc263f120bb:call   0x7fc26b49fe38
    7fc263f120c0:jmp    0x7fc263f11bc3
    7fc263f120c5:movabs r10,0x7fc894460bb8
    7fc263f120cf:mov    QWORD PTR [rsp+0x8],r10
    7fc263f120d4:mov    QWORD PTR [rsp],0xffffffffffffffff
    7fc263f120dc:call   0x7fc26b49fe38
    7fc263f120e1:jmp    0x7fc263f11bff
    7fc263f120e6:call   0x7fc26b499eb8
    7fc263f120eb:call   0x7fc26b499eb8
    7fc263f120f0:movabs r10,0x7fc8944605c8
    7fc263f120fa:mov    QWORD PTR [rsp+0x8],r10
    7fc263f120ff:mov    QWORD PTR [rsp],0x42
    7fc263f12107:call   0x7fc26b49fe38
    7fc263f1210c:jmp    0x7fc263f11e61
    7fc263f12111:call   0x7fc26b499eb8
    7fc263f12116:movabs r10,0x7fc8944605c8
    7fc263f12120:mov    QWORD PTR [rsp+0x8],r10
    7fc263f12125:mov    QWORD PTR [rsp],0x71
    7fc263f1212d:call   0x7fc26b49fe38
    7fc263f12132:jmp    0x7fc263f12004
    7fc263f12137:movabs r10,0x7fc8bc4d68c1
    7fc263f12141:mov    QWORD PTR [r15+0x538],r10
    7fc263f12148:jmp    0x7fc26b3c5338
    7fc263f1214d:mov    rax,QWORD PTR [r15+0x5e0]
    7fc263f12154:mov    QWORD PTR [r15+0x5e0],0x0
    7fc263f1215f:mov    QWORD PTR [r15+0x5e8],0x0
    7fc263f1216a:add    rsp,0xa0
    7fc263f12171:pop    rbp
    7fc263f12172:jmp    0x7fc26b498fb8
    7fc263f12177:hlt
    7fc263f12178:nop    DWORD PTR [rax+rax*1+0x0]
    7fc263f1217d:movabs rbx,0x0
    7fc263f12187:jmp    0x7fc263f12187
    7fc263f1218c:nop
    7fc263f1218d:movabs rbx,0x0
    7fc263f12197:jmp    0x7fc263f12197
    7fc263f1219c:movabs rbx,0x0
    7fc263f121a6:jmp    0x7fc263f121a6
    7fc263f121ab:movabs rbx,0x0
    7fc263f121b5:jmp    0x7fc263f121b5
    7fc263f121ba:call   0x7fc26b49c0b8
    7fc263f121bf:movabs rdi,0x7fc8dd17973c
    7fc263f121c9:and    rsp,0xfffffffffffffff0
    7fc263f121cd:call   0x7fc284587d98
    7fc263f121d2:hlt
    7fc263f121d3:movabs r10,0x7fc8bc4d69fb
    7fc263f121dd:push   r10
    7fc263f121df:jmp    0x7fc26b3c3ab8
    7fc263f121e4:hlt
    7fc263f121e5:hlt
    7fc263f121e6:hlt
    7fc263f121e7:hlt
